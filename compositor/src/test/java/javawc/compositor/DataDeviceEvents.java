package javawc.compositor;

import javawc.client.protocol.WlDataDevice;
import javawc.client.protocol.WlDataDeviceManager;
import javawc.client.protocol.WlDataOffer;
import javawc.client.protocol.WlDataSource;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlSurface;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;
import javawc.wire.Fixed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A test client's wl_data_device (v3), whose events, and those of its offers and sources, are
 * written into the same list as its {@link SeatEvents} ("data_device.selection offer",
 * "offer.action 2", "source.dnd_finished"...), so tests can check their order against the
 * keyboard's and pointer's. Sources answer send by writing their payload and closing the fd.
 */
final class DataDeviceEvents {
    final SeatEvents seat;
    final WlDataDeviceManager manager;
    final WlDataDevice device;
    /** The latest offer introduced by data_offer. */
    WlDataOffer offer;
    int enterSerial;

    DataDeviceEvents(SeatEvents seat) throws IOException {
        this.seat = seat;
        manager = bind(seat.client);
        device = manager.getDataDevice(seat.seat).setListener(new WlDataDevice.Listener() {
            @Override
            public void dataOffer(WlDataDevice self, WlDataOffer id) {
                offer = id;
                record("data_device.data_offer");
                id.setListener(new WlDataOffer.Listener() {
                    @Override
                    public void offer(WlDataOffer o, String mimeType) {
                        record("offer.offer " + mimeType);
                    }

                    @Override
                    public void sourceActions(WlDataOffer o, int actions) {
                        record("offer.source_actions " + actions);
                    }

                    @Override
                    public void action(WlDataOffer o, int action) {
                        record("offer.action " + action);
                    }
                });
            }

            @Override
            public void enter(WlDataDevice self, int serial, WlSurface surface, int x, int y, WlDataOffer id) {
                enterSerial = serial;
                record("data_device.enter " + surface.id() + " " + Fixed.toDouble(x) + " " + Fixed.toDouble(y) + " " + (id == null ? "nil" : "offer"));
            }

            @Override
            public void leave(WlDataDevice self) {
                record("data_device.leave");
            }

            @Override
            public void motion(WlDataDevice self, int time, int x, int y) {
                record("data_device.motion " + Fixed.toDouble(x) + " " + Fixed.toDouble(y));
            }

            @Override
            public void drop(WlDataDevice self) {
                record("data_device.drop");
            }

            @Override
            public void selection(WlDataDevice self, WlDataOffer id) {
                record("data_device.selection " + (id == null ? "nil" : "offer"));
            }
        });
        seat.client.display.roundtrip();
    }

    private static WlDataDeviceManager bind(TestClient client) throws IOException {
        WlDataDeviceManager[] found = {null};
        client.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                if (iface.equals(WlDataDeviceManager.NAME)) found[0] = r.bind(name, WlDataDeviceManager.TYPE, 3);
            }
        });
        client.display.roundtrip();
        if (found[0] == null) throw new IllegalStateException("no wl_data_device_manager");
        return found[0];
    }

    private void record(String event) {
        seat.events.add(event);
    }

    /** A source offering {@code mimeTypes} that sends {@code payload} for any of them. */
    WlDataSource source(String payload, String... mimeTypes) {
        WlDataSource source = manager.createDataSource().setListener(new WlDataSource.Listener() {
            @Override
            public void target(WlDataSource self, String mimeType) {
                record("source.target " + (mimeType == null ? "nil" : mimeType));
            }

            @Override
            public void send(WlDataSource self, String mimeType, OwnedFd fd) {
                record("source.send " + mimeType);
                try (fd) {
                    Descriptors.writeFully(fd, payload.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void cancelled(WlDataSource self) {
                record("source.cancelled");
            }

            @Override
            public void dndDropPerformed(WlDataSource self) {
                record("source.dnd_drop_performed");
            }

            @Override
            public void dndFinished(WlDataSource self) {
                record("source.dnd_finished");
            }

            @Override
            public void action(WlDataSource self, int action) {
                record("source.action " + action);
            }
        });
        for (String m : mimeTypes) source.offer(m);
        return source;
    }

    /** Asks {@code from} for {@code mimeType} and reads the pipe to its end, dispatching {@code sourceClient} (on this thread too) to answer. */
    String receive(WlDataOffer from, String mimeType, SeatEvents sourceClient) throws IOException {
        return receive(from, mimeType, () -> sourceClient.await("source.send " + mimeType));
    }

    /** The same, with {@code answer} making the source's client write (its source's send handler runs there). */
    String receive(WlDataOffer from, String mimeType, DataControlEvents.ThrowingRunnable answer) throws IOException {
        OwnedFd[] pipe = Descriptors.pipe();
        try (OwnedFd readEnd = pipe[0]) {
            try (OwnedFd writeEnd = pipe[1]) {
                from.receive(mimeType, writeEnd);
                seat.client.display.flush();
            }
            answer.run();
            return readAll(readEnd);
        }
    }

    static String readAll(OwnedFd fd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b = Descriptors.readSome(fd, 4096); b.length > 0; b = Descriptors.readSome(fd, 4096)) out.write(b);
        return out.toString(StandardCharsets.UTF_8);
    }
}
