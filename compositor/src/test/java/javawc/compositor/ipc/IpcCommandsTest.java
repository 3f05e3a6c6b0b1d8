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
            return List.of(new WindowInfo(3, "foot", "~", 10, 20, 640, 480, true, false, false, false, "DP-1"));
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

        @Override
        public boolean moveToOutput(int id, Output output) {
            actions.add("move " + id + " to " + output.name());
            return id == 3;
        }
    };
    /** Stands in for the compositor's outputs: records each change, refuses what the real ones refuse. */
    private final OutputControl outputControl = new OutputControl() {
        @Override
        public List<Output> all() {
            return outputs;
        }

        @Override
        public List<Output.Mode> modes(Output output) { // as a monitor whose 1024x768 comes at 70 and 75 Hz only
            return List.of(output.mode(), new Output.Mode(1024, 768, 70_000), new Output.Mode(1024, 768, 75_000));
        }

        @Override
        public void setMode(String name, Output.Mode mode) {
            if (mode.refreshMilliHz() > 240_000) throw new IllegalArgumentException("the test backend cannot change an output's mode to " + mode);
            actions.add("mode " + name + " " + mode.width() + "x" + mode.height() + "@" + mode.refreshMilliHz());
        }

        @Override
        public void setPosition(String name, int x, int y) {
            actions.add("position " + name + " " + x + "," + y);
        }

        @Override
        public void setScale(String name, double scale) {
            actions.add("scale " + name + " " + scale);
        }

        @Override
        public void setTransform(String name, int transform) {
            actions.add("transform " + name + " " + transform);
        }
    };
    private String reloadResult = "bindings applied";
    private final IpcCommands commands = new IpcCommands(windows, outputControl, argv -> {
        if (argv.getFirst().equals("missing")) throw new IOException("cannot start missing: command not found (not in PATH)");
        actions.add("spawn " + argv);
        return 4321;
    }, () -> actions.add("quit"), () -> {
        if (reloadResult == null) throw new javawc.compositor.config.ConfigException(java.nio.file.Path.of("config"), 3, "unknown key \"x\"");
        actions.add("reload");
        return reloadResult;
    });

    private JsonNode run(String line) throws IOException {
        return IpcRequest.JSON.readTree(commands.execute(line));
    }

    @Test
    void windowsAndOutputsAreListedWithEveryField() throws Exception {
        assertEquals("{\"ok\":true,\"windows\":[{\"id\":3,\"app_id\":\"foot\",\"title\":\"~\",\"x\":10,\"y\":20,\"width\":640,\"height\":480,"
                + "\"focused\":true,\"maximized\":false,\"fullscreen\":false,\"minimized\":false,\"output\":\"DP-1\"}]}", commands.execute("{\"command\":\"windows\"}"));
        assertEquals("{\"ok\":true,\"outputs\":[{\"name\":\"DP-1\",\"make\":\"Acme\",\"model\":\"Screen 27\",\"mode\":\"2560x1440@59.951\","
                + "\"modes\":[\"2560x1440@59.951\",\"1024x768@70\",\"1024x768@75\"],\"x\":0,\"y\":0,\"scale\":1.0,\"transform\":\"normal\"}]}", commands.execute("{\"command\":\"outputs\"}"));
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
        reloadResult = null;
        assertEquals("config:3: unknown key \"x\"", run("{\"command\":\"reload\"}").get("error").asText());
        assertEquals("no output is named 'HDMI-1' (outputs: DP-1)", run("{\"command\":\"move-to-output\",\"args\":[3,\"HDMI-1\"]}").get("error").asText());
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
    void outputSettingsReachTheOutputsAndRefusalsSayWhy() throws Exception {
        assertEquals("no output is named 'HDMI-1' (outputs: DP-1)", run("{\"command\":\"output\",\"args\":[\"HDMI-1\",\"scale\",\"2\"]}").get("error").asText());
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"1920x1080@60\"]}").get("ok").asBoolean());
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"2560x1440\"]}").get("ok").asBoolean(), "the same size keeps its rate");
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"1024x768\"]}").get("ok").asBoolean(), "another size: its best rate");
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"position\",\"0\",\"1440\"]}").get("ok").asBoolean());
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"scale\",\"1.5\"]}").get("ok").asBoolean());
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"transform\",\"flipped-90\"]}").get("ok").asBoolean());
        assertEquals("the test backend cannot change an output's mode to 800x600@300.0",
                run("{\"command\":\"output\",\"args\":[\"DP-1\",\"mode\",\"800x600@300\"]}").get("error").asText());
        assertTrue(run("{\"command\":\"output\",\"args\":[\"DP-1\",\"transform\",\"sideways\"]}").get("error").asText().startsWith("output transform: a transform is one of"));
        assertTrue(run("{\"command\":\"move-to-output\",\"args\":[3,\"DP-1\"]}").get("ok").asBoolean());
        assertEquals("bindings applied", run("{\"command\":\"reload\"}").get("applied").asText());
        assertEquals(List.of("mode DP-1 1920x1080@60000", "mode DP-1 2560x1440@59951", "mode DP-1 1024x768@75000", "position DP-1 0,1440", "scale DP-1 1.5", "transform DP-1 5",
                "move 3 to DP-1", "reload"), actions);
    }
}
