package javawc.clients;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Function;

/**
 * The demo clients' command line: {@code --name value} pairs over defaults, which also say
 * which names exist, and flags ({@code --name} alone). Mistakes are
 * {@link IllegalArgumentException}s; {@link #parseOrExit} turns them into a message and the
 * usage on stderr, and exit status 2.
 */
final class DemoArgs {
    private final SequencedMap<String, String> values;
    private final Set<String> flagsGiven;

    private DemoArgs(SequencedMap<String, String> values, Set<String> flagsGiven) {
        this.values = values;
        this.flagsGiven = flagsGiven;
    }

    /** Defaults from name, value, name, value...; their order is the usage line's. */
    static SequencedMap<String, String> defaults(String... namesAndValues) {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) map.put(namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }

    static DemoArgs parse(String[] args, SequencedMap<String, String> defaults) {
        return parse(args, defaults, List.of());
    }

    /** {@code flags} are the names that take no value; {@link #flag} says whether they were given. */
    static DemoArgs parse(String[] args, SequencedMap<String, String> defaults, List<String> flags) {
        SequencedMap<String, String> values = new LinkedHashMap<>(defaults);
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && flags.contains(name)) {
                given.add(name);
                continue;
            }
            if (name == null || !defaults.containsKey(name)) throw new IllegalArgumentException("unknown option " + args[i]);
            if (i + 1 == args.length) throw new IllegalArgumentException(args[i] + " needs a value");
            values.put(name, args[++i]);
        }
        return new DemoArgs(values, given);
    }

    /** Parses and reads the options with {@code read}; on a mistake, explains and exits 2. */
    static <T> T parseOrExit(String program, String[] args, SequencedMap<String, String> defaults, Function<DemoArgs, T> read) {
        return parseOrExit(program, args, defaults, List.of(), read);
    }

    /** The same with flags (names that take no value). */
    static <T> T parseOrExit(String program, String[] args, SequencedMap<String, String> defaults, List<String> flags,
                             Function<DemoArgs, T> read) {
        try {
            return read.apply(parse(args, defaults, flags));
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println(usage(program, defaults, flags));
            System.exit(2);
            throw e; // not reached
        }
    }

    String string(String name) {
        return values.get(name);
    }

    /** Whether the flag {@code --name} was given. */
    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    /** A whole number of at least {@code min}. */
    int integer(String name, int min) {
        String text = values.get(name);
        try {
            int value = Integer.parseInt(text);
            if (value >= min) return value;
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number >= " + min + ", not '" + text + "'");
    }

    /** "usage: PROGRAM [--name default]..." */
    static String usage(String program, SequencedMap<String, String> defaults) {
        return usage(program, defaults, List.of());
    }

    /** "usage: PROGRAM [--name default]... [--flag]..." */
    static String usage(String program, SequencedMap<String, String> defaults, List<String> flags) {
        StringBuilder b = new StringBuilder("usage: " + program);
        defaults.forEach((name, value) -> b.append(" [--").append(name).append(' ').append(value).append(']'));
        flags.forEach(name -> b.append(" [--").append(name).append(']'));
        return b.toString();
    }
}
