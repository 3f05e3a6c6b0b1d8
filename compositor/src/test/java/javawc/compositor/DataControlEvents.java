package javawc.compositor;

import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.ZwlrDataControlDeviceV1;
import javawc.client.protocol.ZwlrDataControlManagerV1;
import javawc.client.protocol.ZwlrDataControlOfferV1;
import javawc.client.protocol.ZwlrDataControlSourceV1;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test client's zwlr_data_control_device_v1 (v2), with no window and no focus: its events
 * as text lines ("control.selection offer [text/plain]", "control.primary_selection nil"),
 * the latest offers, and sources that answer send with a payload.
 */
final class DataControlEvents {
    final TestClient client;
    final ZwlrDataControlManagerV1 manager;
    final ZwlrDataControlDeviceV1 device;
    final List<String> events = new ArrayList<>();
    ZwlrDataControlOfferV1 selection, primarySelection;
    private final List<String> types = new ArrayList<>();
    private int seen; // events before this index were matched by await

    DataControlEvents(TestClient client) throws IOException {
        this.client = client;
        ZwlrDataControlManagerV1[] found = {null};
        WlSeat[] seat = {null};
        client.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                if (iface.equals(ZwlrDataControlManagerV1.NAME)) found[0] = r.bind(name, ZwlrDataControlManagerV1.TYPE, 2);
                if (iface.equals(WlSeat.NAME)) seat[0] = r.bind(name, WlSeat.TYPE, 1);
            }
        });
        client.display.roundtrip();
        if (found[0] == null) throw new IllegalStateException("no zwlr_data_control_manager_v1");
        manager = found[0];
        device = manager.getDataDevice(seat[0]).setListener(new ZwlrDataControlDeviceV1.Listener() {
            @Override
            public void dataOffer(ZwlrDataControlDeviceV1 self, ZwlrDataControlOfferV1 id) {
                types.clear();
                id.setListener(new ZwlrDataControlOfferV1.Listener() {
                    @Override
                    public void offer(ZwlrDataControlOfferV1 o, String mimeType) {
                        types.add(mimeType);
                    }
                });
            }

            @Override
            public void selection(ZwlrDataControlDeviceV1 self, ZwlrDataControlOfferV1 id) {
                selection = id;
                events.add("control.selection " + describe(id));
            }

            @Override
            public void primarySelection(ZwlrDataControlDeviceV1 self, ZwlrDataControlOfferV1 id) {
                primarySelection = id;
                events.add("control.primary_selection " + describe(id));
            }

            @Override
            public void finished(ZwlrDataControlDeviceV1 self) {
                events.add("control.finished");
            }
        });
        client.display.roundtrip();
    }

    private String describe(ZwlrDataControlOfferV1 id) {
        return id == null ? "nil" : "offer " + types;
    }

    /** A source offering {@code mimeTypes}, answering send with {@code payload}. */
    ZwlrDataControlSourceV1 source(String payload, String... mimeTypes) {
        ZwlrDataControlSourceV1 s = manager.createDataSource().setListener(new ZwlrDataControlSourceV1.Listener() {
            @Override
            public void send(ZwlrDataControlSourceV1 self, String mimeType, OwnedFd fd) {
                events.add("control.source.send " + mimeType);
                try (fd) {
                    Descriptors.writeFully(fd, payload.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void cancelled(ZwlrDataControlSourceV1 self) {
                events.add("control.source.cancelled");
            }
        });
        for (String m : mimeTypes) s.offer(m);
        return s;
    }

    /** Dispatches until an event not matched before is {@code line}. */
    void await(String line) throws IOException {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            int at = events.subList(seen, events.size()).indexOf(line);
            if (at >= 0) {
                seen += at + 1;
                return;
            }
            if (System.currentTimeMillis() > deadline) throw new AssertionError("no '" + line + "' within 5 s; events: " + events);
            client.display.dispatch(100);
        }
    }

    /** Receives {@code mimeType} from {@code offer} into a pipe, lets {@code answer} run (it makes the source write), reads to the end. */
    String receive(ZwlrDataControlOfferV1 offer, String mimeType, ThrowingRunnable answer) throws IOException {
        OwnedFd[] pipe = Descriptors.pipe();
        try (OwnedFd readEnd = pipe[0]) {
            try (OwnedFd writeEnd = pipe[1]) {
                offer.receive(mimeType, writeEnd);
                client.display.flush();
            }
            answer.run();
            return DataDeviceEvents.readAll(readEnd);
        }
    }

    interface ThrowingRunnable {
        void run() throws IOException;
    }
}
