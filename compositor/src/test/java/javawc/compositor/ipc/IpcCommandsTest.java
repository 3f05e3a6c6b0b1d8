package javawc.compositor.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import javawc.compositor.output.Output;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Requests run against stand-ins for the windows, outputs and children: replies, and that refused requests do nothing. */
class IpcCommandsTest {
    private final List<String> actions = new ArrayList<>();
    private final List<Output> outputs = List.of(new Output("DP-1", "Acme", "Screen 27", 600, 340, new Output.Mode(2560, 1440, 59_951), 0, 0));
    private final WindowControl windows = new WindowControl() {
        @Override
        public List<WindowInfo> windows() {
            return List.of(new WindowInfo(3, "foot", "~", 10, 20, 640, 480, true, false, false, "DP-1"));
        }

        @Override
        public boolean focus(int id) {
            actions.add("focus " + id);
            return id == 3;
        }

        @Override
        public boolean close(int id) {
            actions.add("close " + id);
            return id == 3;
        }
    };
    private final IpcCommands commands = new IpcCommands(windows, () -> outputs, argv -> {
        if (argv.getFirst().equals("missing")) throw new IOException("cannot start missing: command not found (not in PATH)");
        actions.add("spawn " + argv);
        return 4321;
    }, () -> actions.add("quit"));

    private JsonNode run(String line) throws IOException {
        return IpcRequest.JSON.readTree(commands.execute(line));
    }

    @Test
    void windowsAndOutputsAreListedWithEveryField() throws Exception {
        assertEquals("{\"ok\":true,\"windows\":[{\"id\":3,\"app_id\":\"foot\",\"title\":\"~\",\"x\":10,\"y\":20,\"width\":640,\"height\":480,"
                + "\"focused\":true,\"maximized\":false,\"fullscreen\":false,\"output\":\"DP-1\"}]}", commands.execute("{\"command\":\"windows\"}"));
        assertEquals("{\"ok\":true,\"outputs\":[{\"name\":\"DP-1\",\"make\":\"Acme\",\"model\":\"Screen 27\",\"mode\":\"2560x1440@59.951\","
                + "\"modes\":[\"2560x1440@59.951\"],\"x\":0,\"y\":0,\"scale\":1,\"transform\":\"normal\",\"enabled\":true}]}", commands.execute("{\"command\":\"outputs\"}"));
    }

    @Test
    void actionsReachTheirTargets() throws Exception {
        assertTrue(run("{\"command\":\"focus\",\"args\":[3]}").get("ok").asBoolean());
        assertTrue(run("{\"command\":\"close\",\"args\":[\"3\"]}").get("ok").asBoolean());
        assertEquals(4321, run("{\"command\":\"spawn\",\"args\":[\"foot\",\"-e\",\"top\"]}").get("pid").asInt());
        assertTrue(run("{\"command\":\"quit\"}").get("ok").asBoolean());
        assertEquals(List.of("focus 3", "close 3", "spawn [foot, -e, top]", "quit"), actions);
    }

    @Test
    void failuresAreErrorsWithTheReason() throws Exception {
        JsonNode unknown = run("{\"command\":\"focus\",\"args\":[8]}");
        assertFalse(unknown.get("ok").asBoolean());
        assertEquals("no shown window has id 8 (see 'windows')", unknown.get("error").asText());
        assertEquals("cannot start missing: command not found (not in PATH)", run("{\"command\":\"spawn\",\"args\":[\"missing\"]}").get("error").asText());
        assertEquals("there is no configuration file yet: nothing to reload", run("{\"command\":\"reload\"}").get("error").asText());
        assertEquals(List.of("focus 8"), actions, "nothing else was tried");
    }

    @Test
    void refusedRequestsDoNothing() throws Exception {
        for (String bad : List.of("nonsense", "{\"command\":\"quit\",\"args\":[1]}", "{\"command\":\"focus\",\"args\":[\"three\"]}",
                "{\"command\":\"spawn\",\"args\":[]}", "{\"command\":\"close\",\"args\":[3],\"now\":true}")) {
            JsonNode reply = run(bad);
            assertFalse(reply.get("ok").asBoolean(), bad);
            assertFalse(reply.get("error").asText().isEmpty(), bad);
        }
        assertEquals(List.of(), actions);
    }

    @Test
    void outputSettingsApplyOnlyWhatOutputsCanDoToday() throws Exception {
        assertEquals("no output is named 'HDMI-1' (outputs: DP-1)", run("{\"command\":\"output\",\"args\":[\"HDMI-1\",\"scale\",\"2\"]}").get("error").asText());
        assertFalse(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"2560x1440@59.951\"]}").get("changed").asBoolean());
        assertFalse(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"2560x1440\"]}").get("changed").asBoolean());
        assertFalse(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"scale\",\"1\"]}").get("changed").asBoolean());
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"2560x1440@144\"]}").get("error").asText().startsWith("changing an output's mode is not supported yet"));
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"position\",\"0\",\"1440\"]}").get("error").asText().startsWith("moving an output is not supported yet"));
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"scale\",\"2\"]}").get("error").asText().startsWith("changing an output's scale is not supported yet"));
    }
}
