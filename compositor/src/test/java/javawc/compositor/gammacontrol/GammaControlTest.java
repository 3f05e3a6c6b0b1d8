package javawc.compositor.gammacontrol;

import javawc.client.Display;
import javawc.client.ProtocolErrorException;
import javawc.client.protocol.WlOutput;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.ZwlrGammaControlManagerV1;
import javawc.client.protocol.ZwlrGammaControlV1;
import javawc.compositor.InProcessServer;
import javawc.compositor.backend.GammaTables;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputGlobal;
import javawc.compositor.security.Privileges;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * zwlr_gamma_control_manager_v1's rules, over a real connection, against a recording stand-in
 * for the display's gamma tables (a DRM CRTC's in the compositor; the KMS VM has none to test
 * with): gamma_size, the ramps read from the client's file, invalid_gamma for a short file,
 * one control per output (the second fails), and the table put back when the control or its
 * client goes.
 */
class GammaControlTest {
    private static final int SIZE = 4;

    /** What the display would have been told, as lines. */
    private static final class RecordingTables implements GammaTables {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public int size(Output output) {
            return SIZE;
        }

        @Override
        public void set(Output output, short[] ramps) {
            calls.add("set " + java.util.Arrays.toString(ramps));
        }

        @Override
        public void reset(Output output) {
            calls.add("reset");
        }
    }

    private final RecordingTables tables = new RecordingTables();

    private InProcessServer server() throws Exception {
        Output output = new Output("CRTC-1", "test", "gamma", 0, 0, new Output.Mode(640, 480, 60_000), 0, 0);
        return new InProcessServer(registry -> {
            new OutputGlobal(registry, output);
            new GammaControlManagerGlobal(registry, Privileges.allowAll(), tables);
        });
    }

    private record Bound(Display display, ZwlrGammaControlManagerV1 manager, WlOutput output) {}

    private static Bound bind(Display d) throws Exception {
        Object[] found = new Object[2];
        d.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                if (iface.equals(ZwlrGammaControlManagerV1.NAME)) found[0] = r.bind(name, ZwlrGammaControlManagerV1.TYPE, 1);
                if (iface.equals(WlOutput.NAME)) found[1] = r.bind(name, WlOutput.TYPE, 1);
            }
        });
        d.roundtrip();
        return new Bound(d, (ZwlrGammaControlManagerV1) found[0], (WlOutput) found[1]);
    }

    private static List<String> events(ZwlrGammaControlV1 control) {
        List<String> events = new ArrayList<>();
        control.setListener(new ZwlrGammaControlV1.Listener() {
            @Override
            public void gammaSize(ZwlrGammaControlV1 self, int size) {
                events.add("gamma_size " + size);
            }

            @Override
            public void failed(ZwlrGammaControlV1 self) {
                events.add("failed");
            }
        });
        return events;
    }

    private static OwnedFd ramps(int entries) throws Exception {
        OwnedFd fd = Descriptors.memfd("gamma", entries * 2L);
        ByteBuffer b = ByteBuffer.allocate(entries * 2).order(ByteOrder.nativeOrder());
        for (int i = 0; i < entries; i++) b.putShort((short) (i * 1000));
        Descriptors.writeFully(fd, b.array());
        return fd;
    }

    private void awaitCalls(int n) throws InterruptedException {
        for (int i = 0; i < 200 && tables.calls.size() < n; i++) Thread.sleep(10);
    }

    @Test
    void theRampsReachTheDisplayAndTheTableComesBackWhenTheControlGoes() throws Exception {
        try (InProcessServer server = server(); Display d = server.connect()) {
            Bound b = bind(d);
            ZwlrGammaControlV1 control = b.manager.getGammaControl(b.output);
            List<String> events = events(control);
            d.roundtrip();
            assertEquals(List.of("gamma_size " + SIZE), events);
            try (OwnedFd fd = ramps(3 * SIZE)) {
                control.setGamma(fd);
                d.roundtrip();
            }
            assertEquals(List.of("set [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000]"), tables.calls);
            control.destroy();
            d.roundtrip();
            assertEquals("reset", tables.calls.getLast());
        }
    }

    @Test
    void aShortFileIsInvalidGammaAndTheClientsEndPutsTheTableBack() throws Exception {
        try (InProcessServer server = server(); Display d = server.connect()) {
            Bound b = bind(d);
            ZwlrGammaControlV1 control = b.manager.getGammaControl(b.output);
            d.roundtrip();
            try (OwnedFd good = ramps(3 * SIZE); OwnedFd shortFile = ramps(3 * SIZE - 1)) {
                control.setGamma(good);
                d.roundtrip();
                control.setGamma(shortFile);
                ProtocolErrorException e = assertThrows(ProtocolErrorException.class, d::roundtrip);
                assertEquals(ZwlrGammaControlV1.Error.INVALID_GAMMA, e.code(), e.getMessage());
            }
            awaitCalls(2);
            assertEquals("reset", tables.calls.getLast(), "the client was disconnected: its table is put back");
        }
    }

    @Test
    void oneControlPerOutputTheSecondFails() throws Exception {
        try (InProcessServer server = server(); Display first = server.connect(); Display second = server.connect()) {
            Bound a = bind(first), b = bind(second);
            ZwlrGammaControlV1 held = a.manager.getGammaControl(a.output);
            first.roundtrip();
            List<String> refused = events(b.manager.getGammaControl(b.output));
            second.roundtrip();
            assertEquals(List.of("failed"), refused);
            held.destroy();
            first.roundtrip();
            List<String> now = events(b.manager.getGammaControl(b.output));
            second.roundtrip();
            assertEquals(List.of("gamma_size " + SIZE), now, "the output is free once the first control is gone");
        }
    }
}
