package javawc.compositor.ipc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Requests as they come off the socket: what parses into what, and what is refused with which message. */
class IpcRequestTest {
    private static String refusal(String line) {
        return assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.parse(line)).getMessage();
    }

    @Test
    void commandsWithoutArgumentsParse() throws Exception {
        assertEquals(new IpcRequest.Windows(), IpcRequest.parse("{\"command\":\"windows\"}"));
        assertEquals(new IpcRequest.Outputs(), IpcRequest.parse("{\"command\":\"outputs\",\"args\":[]}"));
        assertEquals(new IpcRequest.Quit(), IpcRequest.parse(" { \"args\" : [ ] , \"command\" : \"quit\" } "));
        assertEquals(new IpcRequest.Reload(), IpcRequest.parse("{\"command\":\"reload\"}"));
    }

    @Test
    void windowIdsAreNumbersOrDigitStrings() throws Exception {
        assertEquals(new IpcRequest.Focus(7), IpcRequest.parse("{\"command\":\"focus\",\"args\":[7]}"));
        assertEquals(new IpcRequest.Close(12), IpcRequest.parse("{\"command\":\"close\",\"args\":[\"12\"]}"));
        assertTrue(refusal("{\"command\":\"focus\",\"args\":[0]}").contains("'0' is not a window id"));
        assertTrue(refusal("{\"command\":\"focus\",\"args\":[-3]}").contains("'-3' is not a window id"));
        assertTrue(refusal("{\"command\":\"close\",\"args\":[99999999999]}").contains("is not a window id"));
        assertTrue(refusal("{\"command\":\"close\",\"args\":[1.5]}").contains("a string or a whole number"));
        assertTrue(refusal("{\"command\":\"close\",\"args\":[]}").contains("usage: close ID"));
        assertTrue(refusal("{\"command\":\"focus\",\"args\":[1,2]}").contains("usage: focus ID"));
    }

    @Test
    void spawnKeepsItsArgvAsGiven() throws Exception {
        assertEquals(new IpcRequest.Spawn(List.of("sh", "-c", "echo \"a b\"; exit 3")),
                IpcRequest.parse("{\"command\":\"spawn\",\"args\":[\"sh\",\"-c\",\"echo \\\"a b\\\"; exit 3\"]}"));
        assertTrue(refusal("{\"command\":\"spawn\"}").contains("usage: spawn PROGRAM"));
        assertTrue(refusal("{\"command\":\"spawn\",\"args\":[\"\"]}").contains("usage: spawn PROGRAM"));
    }

    @Test
    void outputSettingsParseAndAreRangeChecked() throws Exception {
        assertEquals(new IpcRequest.OutputMode("DP-1", 1920, 1080, 0), IpcRequest.of("output", List.of("DP-1", "mode", "1920x1080")));
        assertEquals(new IpcRequest.OutputMode("DP-1", 2560, 1440, 143_912), IpcRequest.of("output", List.of("DP-1", "mode", "2560x1440@143.912")));
        assertEquals(new IpcRequest.OutputPosition("DP-1", -1920, 0), IpcRequest.of("output", List.of("DP-1", "position", "-1920", "0")));
        assertEquals(new IpcRequest.OutputScale("DP-1", 1.5), IpcRequest.of("output", List.of("DP-1", "scale", "1.5")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "mode", "0x1080")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "mode", "1920x1080@0")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "mode", "1920*1080")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "position", "x", "0")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "position", "99999999", "0")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "scale", "0")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "scale", "NaN")));
        assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1", "scale", "11")));
        assertTrue(assertThrows(IpcRequest.ParseException.class, () -> IpcRequest.of("output", List.of("DP-1"))).getMessage().startsWith("usage: output NAME"));
    }

    @Test
    void malformedRequestsSayWhatIsWrong() {
        assertTrue(refusal("windows").startsWith("malformed JSON"));
        assertTrue(refusal("{\"command\":").startsWith("malformed JSON"));
        assertTrue(refusal("42").contains("a JSON object"));
        assertTrue(refusal("{}").contains("needs \"command\", a string"));
        assertTrue(refusal("{\"command\":3}").contains("needs \"command\", a string"));
        assertTrue(refusal("{\"command\":\"focus\",\"args\":\"1\"}").contains("\"args\" must be an array"));
        assertTrue(refusal("{\"command\":\"windows\",\"id\":1}").contains("unknown field \"id\""));
        assertTrue(refusal("{\"command\":\"windows\",\"args\":[\"x\"]}").contains("windows takes no arguments"));
        assertTrue(refusal("{\"command\":\"maximize\"}").contains("unknown command 'maximize'"));
    }
}
