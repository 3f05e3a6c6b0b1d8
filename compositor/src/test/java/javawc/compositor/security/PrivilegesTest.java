package javawc.compositor.security;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "children" test: a process is ours when its parent chain in /proc reaches us. */
class PrivilegesTest {
    private final int self = (int) ProcessHandle.current().pid();
    private final Privileges policy = new Privileges(java.util.Map.of(), self);

    @Test
    void ourselvesAndOurChildrensChildrenAreOurs(@TempDir Path dir) throws Exception {
        assertTrue(policy.isDescendant(self), "a socketpair client we made reports our own pid");
        // a grandchild whose command name has a space and parentheses, which /proc/PID/stat does not escape
        Path odd = dir.resolve("odd) (x");
        Files.copy(Path.of("/bin/sleep"), odd);
        odd.toFile().setExecutable(true);
        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" 30 & echo $!; wait", odd.toString()).start();
        try {
            int grandchild = Integer.parseInt(shell.inputReader().readLine().strip());
            assertEquals(shell.pid(), Privileges.parentOf(grandchild));
            assertTrue(policy.isDescendant(grandchild));
            assertTrue(policy.isDescendant((int) shell.pid()));
        } finally {
            shell.descendants().forEach(ProcessHandle::destroy);
            shell.destroy();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void othersAreNot() {
        assertFalse(policy.isDescendant(1), "init");
        int parent = (int) ProcessHandle.current().parent().orElseThrow().pid();
        assertFalse(policy.isDescendant(parent), "our own parent");
        assertFalse(policy.isDescendant(0), "unknown pid");
        assertFalse(policy.isDescendant(Integer.MAX_VALUE), "no such process");
    }
}
