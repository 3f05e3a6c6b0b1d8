package javawc.compositor.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which terminal emulator the terminal key binding starts: the first that exists of $TERMINAL
 * (a command, words separated by spaces: "foot -e htop"), foot and weston-terminal. A name
 * without a slash must be an executable file in a $PATH directory; one with a slash, that file.
 */
public final class TerminalCommand {
    static final List<String> FALLBACKS = List.of("foot", "weston-terminal");

    private TerminalCommand() {}

    /** The command to start, or an empty list when none of them exists. */
    public static List<String> find(Map<String, String> env) {
        List<List<String>> candidates = new ArrayList<>();
        String terminal = env.get("TERMINAL");
        if (terminal != null && !terminal.isBlank()) candidates.add(Arrays.asList(terminal.strip().split("\\s+")));
        for (String name : FALLBACKS) candidates.add(List.of(name));
        for (List<String> argv : candidates) {
            if (exists(argv.getFirst(), env.getOrDefault("PATH", ""))) return List.copyOf(argv);
        }
        return List.of();
    }

    private static boolean exists(String command, String path) {
        if (command.contains("/")) return Files.isRegularFile(Path.of(command)) && Files.isExecutable(Path.of(command));
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return true;
        }
        return false;
    }
}
