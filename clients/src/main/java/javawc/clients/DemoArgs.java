package javawc.clients;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * The demo clients' command line: {@code --name value} pairs over defaults, which also say
 * which names exist. Mistakes are {@link IllegalArgumentException}s; {@link #parseOrExit}
 * turns them into a message and the usage on stderr, and exit status 2.
 */
final class DemoArgs {
    private final SequencedMap<String, String> values;

    private DemoArgs(SequencedMap<String, String> values) {
        this.values = values;
    }

    /** Defaults from name, value, name, value...; their order is the usage line's. */
    static SequencedMap<String, String> defaults(String... namesAndValues) {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) map.put(namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }

    static DemoArgs parse(String[] args, SequencedMap<String, String> defaults) {
        SequencedMap<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !defaults.containsKey(name)) throw new IllegalArgumentException("unknown option " + args[i]);
            if (i + 1 == args.length) throw new IllegalArgumentException(args[i] + " needs a value");
            values.put(name, args[i + 1]);
        }
        return new DemoArgs(values);
    }

    /** Parses and reads the options with {@code read}; on a mistake, explains and exits 2. */
    static <T> T parseOrExit(String program, String[] args, SequencedMap<String, String> defaults, Function<DemoArgs, T> read) {
        try {
            return read.apply(parse(args, defaults));
        } catch (IllegalArgumentException e) {
            System.err.println(program + ": " + e.getMessage());
            System.err.println(usage(program, defaults));
            System.exit(2);
            throw e; // not reached
        }
    }

    String string(String name) {
        return values.get(name);
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
        StringBuilder b = new StringBuilder("usage: " + program);
        defaults.forEach((name, value) -> b.append(" [--").append(name).append(' ').append(value).append(']'));
        return b.toString();
    }
}
