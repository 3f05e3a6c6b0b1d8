package javawc.compositor;

import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.ZwpPrimarySelectionDeviceManagerV1;
import javawc.client.protocol.ZwpPrimarySelectionDeviceV1;
import javawc.client.protocol.ZwpPrimarySelectionOfferV1;
import javawc.client.protocol.ZwpPrimarySelectionSourceV1;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A test client's zwp_primary_selection_device_v1, whose events, and those of its offers and
 * sources, are written into the same list as its {@link SeatEvents} ("primary.data_offer",
 * "primary.offer.offer text/plain", "primary.selection offer", "primary.source.cancelled"), so
 * tests can check their order against the keyboard's. Sources answer send with their payload.
 */
final class PrimarySelectionEvents {
    final SeatEvents seat;
    final ZwpPrimarySelectionDeviceManagerV1 manager;
    final ZwpPrimarySelectionDeviceV1 device;
    /** The latest offer introduced by data_offer. */
    ZwpPrimarySelectionOfferV1 offer;

    PrimarySelectionEvents(SeatEvents seat) throws IOException {
        this.seat = seat;
        manager = bind(seat.client);
        device = manager.getDevice(seat.seat).setListener(new ZwpPrimarySelectionDeviceV1.Listener() {
            @Override
            public void dataOffer(ZwpPrimarySelectionDeviceV1 self, ZwpPrimarySelectionOfferV1 id) {
                offer = id;
                record("primary.data_offer");
                id.setListener(new ZwpPrimarySelectionOfferV1.Listener() {
                    @Override
                    public void offer(ZwpPrimarySelectionOfferV1 o, String mimeType) {
                        record("primary.offer.offer " + mimeType);
                    }
                });
            }

            @Override
            public void selection(ZwpPrimarySelectionDeviceV1 self, ZwpPrimarySelectionOfferV1 id) {
                record("primary.selection " + (id == null ? "nil" : "offer"));
            }
        });
        seat.client.display.roundtrip();
    }

    private static ZwpPrimarySelectionDeviceManagerV1 bind(TestClient client) throws IOException {
        ZwpPrimarySelectionDeviceManagerV1[] found = {null};
        client.display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry r, int name, String iface, int version) {
                if (iface.equals(ZwpPrimarySelectionDeviceManagerV1.NAME)) found[0] = r.bind(name, ZwpPrimarySelectionDeviceManagerV1.TYPE, 1);
            }
        });
        client.display.roundtrip();
        if (found[0] == null) throw new IllegalStateException("no zwp_primary_selection_device_manager_v1");
        return found[0];
    }

    private void record(String event) {
        seat.events.add(event);
    }

    /** A source offering {@code mimeTypes} that sends {@code payload} for any of them. */
    ZwpPrimarySelectionSourceV1 source(String payload, String... mimeTypes) {
        ZwpPrimarySelectionSourceV1 source = manager.createSource().setListener(new ZwpPrimarySelectionSourceV1.Listener() {
            @Override
            public void send(ZwpPrimarySelectionSourceV1 self, String mimeType, OwnedFd fd) {
                record("primary.source.send " + mimeType);
                try (fd) {
                    Descriptors.writeFully(fd, payload.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void cancelled(ZwpPrimarySelectionSourceV1 self) {
                record("primary.source.cancelled");
            }
        });
        for (String m : mimeTypes) source.offer(m);
        return source;
    }

    /** Asks {@code from} for {@code mimeType} and reads the pipe to its end, dispatching {@code sourceClient} (on this thread too) to answer. */
    String receive(ZwpPrimarySelectionOfferV1 from, String mimeType, SeatEvents sourceClient) throws IOException {
        OwnedFd[] pipe = Descriptors.pipe();
        try (OwnedFd readEnd = pipe[0]) {
            try (OwnedFd writeEnd = pipe[1]) {
                from.receive(mimeType, writeEnd);
                seat.client.display.flush();
            }
            sourceClient.await("primary.source.send " + mimeType);
            return DataDeviceEvents.readAll(readEnd);
        }
    }
}
