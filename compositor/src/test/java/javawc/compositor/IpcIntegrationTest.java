package javawc.compositor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javawc.client.protocol.XdgToplevel;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The IPC socket against the real compositor: windows and outputs as a script sees them,
 * focus, close and spawn doing what they say, and bad requests answered with errors that
 * change nothing. The test control channel places windows where the assertions expect them.
 */
class IpcIntegrationTest extends ControlledCompositorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int RED = 0xffff0000, BLUE = 0xff0000ff;

    /** A connection to the IPC socket: one request line, one reply line. */
    static final class IpcClient implements AutoCloseable {
        private final SocketChannel channel;
        private final BufferedReader in;
        private final OutputStream out;

        IpcClient(Path socket) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            out = Channels.newOutputStream(channel);
        }

        JsonNode sendLine(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String reply = in.readLine();
            if (reply == null) throw new IOException("the IPC socket closed instead of answering " + line);
            return JSON.readTree(reply);
        }

        JsonNode send(String command, Object... args) throws IOException {
            var request = JSON.createObjectNode().put("command", command);
            var array = request.putArray("args");
            for (Object a : args) {
                if (a instanceof Integer i) array.add(i);
                else array.add(a.toString());
            }
            return sendLine(request.toString());
        }

        JsonNode ok(String command, Object... args) throws IOException {
            JsonNode reply = send(command, args);
            assertTrue(reply.get("ok").asBoolean(), command + " answered " + reply);
            return reply;
        }

        String error(String command, Object... args) throws IOException {
            JsonNode reply = send(command, args);
            assertFalse(reply.get("ok").asBoolean(), command + " answered " + reply);
            return reply.get("error").asText();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    static Path ipcSocket(CompositorProcess c) {
        return c.runtimeDir.resolve("javawc-" + c.display + ".sock");
    }

    private static IpcClient ipc() throws IOException {
        return new IpcClient(ipcSocket(compositor));
    }

    private static JsonNode windowWithAppId(JsonNode windows, String appId) {
        for (JsonNode w : windows) if (w.get("app_id").asText().equals(appId)) return w;
        throw new AssertionError("no window with app_id " + appId + " in " + windows);
    }

    @Test
    void windowsListsAClientWindowWithItsAppIdTitleGeometryAndOutput() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(120, 90, RED); IpcClient ipc = ipc()) {
            c.window(red, "Listed", "test.ipc.list");
            control.ok("place test.ipc.list 40 50");
            JsonNode w = windowWithAppId(ipc.ok("windows").get("windows"), "test.ipc.list");
            assertTrue(w.get("id").asInt() > 0, w.toString());
            assertEquals("Listed", w.get("title").asText());
            assertEquals(List.of(40, 50, 120, 90), List.of(w.get("x").asInt(), w.get("y").asInt(), w.get("width").asInt(), w.get("height").asInt()));
            assertTrue(w.get("focused").asBoolean(), "a new window has the keyboard: " + w);
            assertFalse(w.get("maximized").asBoolean());
            assertFalse(w.get("fullscreen").asBoolean());
            assertEquals("HEADLESS-1", w.get("output").asText());
            assertEquals(w.get("id"), windowWithAppId(ipc.ok("windows").get("windows"), "test.ipc.list").get("id"), "the id is stable");
        }
    }

    @Test
    void focusRaisesAWindowAndMovesTheKeyboardFocusToIt() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED);
             TestClient.ShmBuffer blue = c.new ShmBuffer(100, 100, BLUE); IpcClient ipc = ipc()) {
            SeatEvents seat = new SeatEvents(c);
            TestClient.Window first = c.window(red, "first", "test.ipc.first");
            TestClient.Window second = c.window(blue, "second", "test.ipc.second");
            seat.await("keyboard.enter " + second.surface().id() + " []");
            JsonNode windows = ipc.ok("windows").get("windows");
            int firstId = windowWithAppId(windows, "test.ipc.first").get("id").asInt();
            assertFalse(windowWithAppId(windows, "test.ipc.first").get("focused").asBoolean());
            ipc.ok("focus", firstId);
            seat.await("keyboard.leave " + second.surface().id());
            seat.await("keyboard.enter " + first.surface().id() + " []");
            windows = ipc.ok("windows").get("windows");
            assertTrue(windowWithAppId(windows, "test.ipc.first").get("focused").asBoolean(), windows.toString());
            assertFalse(windowWithAppId(windows, "test.ipc.second").get("focused").asBoolean(), windows.toString());
            assertEquals("test.ipc.first", windows.get(0).get("app_id").asText(), "raised, and first in the list (most recently focused first): " + windows);
        }
    }

    @Test
    void closeSendsXdgToplevelClose() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED); IpcClient ipc = ipc()) {
            TestClient.Window w = c.window(red, "closable", "test.ipc.close");
            int[] closes = {0};
            w.toplevel().setListener(new XdgToplevel.Listener() {
                @Override
                public void close(XdgToplevel self) {
                    closes[0]++;
                }
            });
            c.display.roundtrip();
            assertEquals(0, closes[0]);
            ipc.ok("close", windowWithAppId(ipc.ok("windows").get("windows"), "test.ipc.close").get("id").asInt());
            long deadline = System.currentTimeMillis() + 5000;
            while (closes[0] == 0 && System.currentTimeMillis() < deadline) c.display.dispatch(200);
            assertEquals(1, closes[0], "the client was asked to close once");
            windowWithAppId(ipc.ok("windows").get("windows"), "test.ipc.close"); // asking is all: the client decides, and this one stays
        }
    }

    @Test
    void spawnStartsAProgramThatSeesWaylandDisplayAndTheIpcSocket() throws Exception {
        Path out = compositor.runtimeDir.resolve("spawned.txt");
        try (IpcClient ipc = ipc()) {
            JsonNode reply = ipc.ok("spawn", "sh", "-c", "echo \"$WAYLAND_DISPLAY $JAVAWC_SOCK\" > " + out + ".tmp && mv " + out + ".tmp " + out);
            assertTrue(reply.get("pid").asInt() > 1, reply.toString());
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(out) && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertEquals(compositor.display + " " + ipcSocket(compositor), Files.readString(out).strip());
            String error = ipc.error("spawn", "/nonexistent/program");
            assertTrue(error.contains("cannot start /nonexistent/program"), error);
        }
    }

    @Test
    void outputsListsTheHeadlessOutput() throws Exception {
        try (IpcClient ipc = ipc()) {
            JsonNode outputs = ipc.ok("outputs").get("outputs");
            assertEquals(1, outputs.size(), outputs.toString());
            JsonNode o = outputs.get(0);
            assertEquals("HEADLESS-1", o.get("name").asText());
            assertEquals("javawc", o.get("make").asText());
            assertEquals("headless", o.get("model").asText());
            assertEquals("1280x720@60", o.get("mode").asText());
            assertEquals("1280x720@60", o.get("modes").get(0).asText(), "the current mode first, then the usual sizes a headless output offers");
            assertTrue(o.get("modes").toString().contains("\"1920x1080@60\""), o.get("modes").toString());
            assertEquals(List.of(0, 0, 1), List.of(o.get("x").asInt(), o.get("y").asInt(), o.get("scale").asInt()));
            assertEquals("normal", o.get("transform").asText());
        }
    }

    @Test
    void outputSettingsChangeTheOutputLiveAndBadOnesSayWhy() throws Exception {
        try (IpcClient ipc = ipc()) {
            assertTrue(ipc.error("output", "HDMI-9", "scale", "2").contains("no output is named 'HDMI-9' (outputs: HEADLESS-1)"));
            assertTrue(ipc.error("output", "HEADLESS-1", "mode", "big").contains("not WxH"));
            assertTrue(ipc.error("output", "HEADLESS-1", "position", "1").contains("usage: output NAME position X Y"));
            assertTrue(ipc.error("output", "HEADLESS-1", "rotate", "90").contains("unknown setting 'rotate'"));
            assertTrue(ipc.error("output", "HEADLESS-1", "scale", "9").contains("at most 8"));
            try {
                ipc.ok("output", "HEADLESS-1", "mode", "1920x1080");
                ipc.ok("output", "HEADLESS-1", "scale", "2");
                ipc.ok("output", "HEADLESS-1", "transform", "90");
                JsonNode o = ipc.ok("outputs").get("outputs").get(0);
                assertEquals("1920x1080@60", o.get("mode").asText(), "the same rate at the new size");
                assertEquals(2.0, o.get("scale").asDouble());
                assertEquals("90", o.get("transform").asText());
            } finally { // the other tests share this compositor
                ipc.ok("output", "HEADLESS-1", "transform", "normal");
                ipc.ok("output", "HEADLESS-1", "scale", "1");
                ipc.ok("output", "HEADLESS-1", "mode", "1280x720@60");
            }
            JsonNode o = ipc.ok("outputs").get("outputs").get(0);
            assertEquals("1280x720@60", o.get("mode").asText());
            assertEquals(1.0, o.get("scale").asDouble());
        }
    }

    @Test
    void badRequestsGetErrorsAndChangeNothing() throws Exception {
        try (TestClient c = new TestClient(compositor); TestClient.ShmBuffer red = c.new ShmBuffer(100, 100, RED);
             TestClient.ShmBuffer blue = c.new ShmBuffer(100, 100, BLUE); IpcClient ipc = ipc()) {
            c.window(red, "bottom", "test.ipc.bottom");
            c.window(blue, "top", "test.ipc.top");
            JsonNode before = ipc.ok("windows").get("windows");
            List<String> errors = new ArrayList<>();
            errors.add(ipc.sendLine("{\"command\": \"windows\"").get("error").asText());
            errors.add(ipc.sendLine("[\"windows\"]").get("error").asText());
            errors.add(ipc.sendLine("{\"command\":\"focus\",\"args\":[1],\"force\":true}").get("error").asText());
            errors.add(ipc.error("frobnicate"));
            errors.add(ipc.error("focus"));
            errors.add(ipc.error("focus", "first"));
            errors.add(ipc.error("focus", 999_999));
            errors.add(ipc.error("close", 999_999));
            errors.add(ipc.error("close", 1, 2));
            errors.add(ipc.error("windows", "extra"));
            errors.add(ipc.error("spawn"));
            assertTrue(errors.get(0).startsWith("malformed JSON"), errors.toString());
            assertTrue(errors.get(1).contains("a JSON object"), errors.toString());
            assertTrue(errors.get(2).contains("unknown field \"force\""), errors.toString());
            assertTrue(errors.get(3).contains("unknown command 'frobnicate'"), errors.toString());
            assertTrue(errors.get(4).contains("usage: focus ID"), errors.toString());
            assertTrue(errors.get(5).contains("'first' is not a window id"), errors.toString());
            assertTrue(errors.get(6).contains("no shown window has id 999999"), errors.toString());
            assertTrue(errors.get(7).contains("no shown window has id 999999"), errors.toString());
            assertTrue(errors.get(8).contains("usage: close ID"), errors.toString());
            assertTrue(errors.get(9).contains("windows takes no arguments"), errors.toString());
            assertTrue(errors.get(10).contains("usage: spawn"), errors.toString());
            assertEquals(before, ipc.ok("windows").get("windows"), "focus, stacking and windows unchanged");
        }
    }

    @Test
    void aPeerThatDoesNotReadItsRepliesIsDroppedAndOthersAreStillServed() throws Exception {
        int requests = 20_000; // about 4 MiB of replies: more than the 1 MiB the compositor keeps plus the socket's buffer
        try (SocketChannel greedy = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            greedy.connect(UnixDomainSocketAddress.of(ipcSocket(compositor)));
            byte[] request = "{\"command\":\"outputs\"}\n".repeat(100).getBytes(StandardCharsets.UTF_8);
            OutputStream out = Channels.newOutputStream(greedy);
            try {
                for (int i = 0; i < requests / 100; i++) out.write(request);
            } catch (IOException e) {
                // dropped while still writing: the compositor closed its end
            }
            try (IpcClient other = ipc()) {
                other.ok("outputs");
            }
            long replies = new BufferedReader(new InputStreamReader(Channels.newInputStream(greedy), StandardCharsets.UTF_8)).lines().count();
            assertTrue(replies > 0 && replies < requests, "the connection ended after " + replies + " replies");
        } catch (IOException | java.io.UncheckedIOException e) {
            assertTrue(e.getMessage().contains("reset"), e.toString()); // reading what was left may find the connection reset
        }
        assertTrue(compositor.stderr().contains("replies unread; dropping it"), "the log says why");
    }

    @Test
    void anOverlongRequestIsRefusedAndTheConnectionEnds() throws Exception {
        try (IpcClient ipc = ipc()) {
            String error = ipc.sendLine("{\"command\":\"spawn\",\"args\":[\"" + "x".repeat(70_000) + "\"]}").get("error").asText();
            assertTrue(error.contains("request longer than 65536 bytes"), error);
        }
        try (IpcClient again = ipc()) {
            again.ok("outputs"); // the compositor goes on serving others
        }
    }
}
