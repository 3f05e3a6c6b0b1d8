package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlDataDevice;
import javawc.client.protocol.WlDataDeviceManager;
import javawc.client.protocol.WlDataOffer;
import javawc.client.protocol.WlDataSource;
import javawc.client.protocol.WlKeyboard;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.ZwpPrimarySelectionDeviceManagerV1;
import javawc.client.protocol.ZwpPrimarySelectionDeviceV1;
import javawc.client.protocol.ZwpPrimarySelectionOfferV1;
import javawc.client.protocol.ZwpPrimarySelectionSourceV1;
import javawc.os.Descriptors;
import javawc.os.OwnedFd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the clipboard demos share: a small window that asks for the keyboard focus (a client
 * sees the clipboard and may set it only while focused), and the clipboard (wl_data_device)
 * or the primary selection (zwp_primary_selection_device_v1) as one simple interface: own it
 * with some mime types, or read the offer the compositor announced.
 */
final class ClipboardClient implements AutoCloseable {
    /** The owner's side of a selection. */
    interface Owner {
        /** Write the data as {@code mimeType} to {@code fd}; the fd is closed afterwards by the caller. */
        void send(String mimeType, OwnedFd fd) throws IOException;

        /** Another client took the selection. */
        void cancelled();
    }

    /** A selection as announced: its mime types, and how to ask for the data. */
    record Offer(List<String> mimeTypes, Receiver receiver) {}

    interface Receiver {
        void receive(String mimeType, OwnedFd fd);
    }

    private static final int SIZE = 64;

    private final Display display;
    private final boolean primary;
    private final DemoGlobals globals;
    private final WlSurface surface;
    private final XdgSurface xdgSurface;
    private final XdgToplevel toplevel;
    private ShmBufferPool pool;
    private WlSeat seat;
    private WlDataDeviceManager dataDeviceManager;
    private ZwpPrimarySelectionDeviceManagerV1 primaryManager;
    private WlDataDevice dataDevice;                   // one of the two, as {@code primary} says
    private ZwpPrimarySelectionDeviceV1 primaryDevice;
    private int enterSerial, configureSerial;
    private Offer offer;          // the selection's latest announcement (null: none)
    private boolean announced;    // whether one came

    /** Connects the window; {@code primary} picks the primary selection instead of the clipboard. */
    ClipboardClient(Display display, boolean primary, String title, String appId, int argb) throws IOException {
        this.display = display;
        this.primary = primary;
        globals = DemoGlobals.bind(display);
        bindSeatAndSelection();
        surface = globals.compositor().createSurface();
        xdgSurface = globals.wmBase().getXdgSurface(surface).setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int serial) {
                configureSerial = serial;
            }
        });
        toplevel = xdgSurface.getToplevel();
        toplevel.setTitle(title);
        toplevel.setAppId(appId);
        surface.commit();
        while (configureSerial == 0) display.dispatch();
        xdgSurface.ackConfigure(configureSerial);
        pool = new ShmBufferPool(globals.shm(), SIZE, SIZE, WlShm.Format.XRGB8888, 1);
        ShmBufferPool.Buffer buffer = pool.acquire();
        buffer.canvas().fill(0, 0, SIZE, SIZE, argb);
        surface.attach(buffer.wlBuffer(), 0, 0);
        DemoGlobals.damage(surface, 0, 0, SIZE, SIZE);
        surface.commit();
    }

    private void bindSeatAndSelection() throws IOException {
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry registry, int name, String iface, int version) {
                switch (iface) {
                    case WlSeat.NAME -> seat = registry.bind(name, WlSeat.TYPE, Math.min(version, 5));
                    case WlDataDeviceManager.NAME -> dataDeviceManager = registry.bind(name, WlDataDeviceManager.TYPE, Math.min(version, 3));
                    case ZwpPrimarySelectionDeviceManagerV1.NAME -> primaryManager = registry.bind(name, ZwpPrimarySelectionDeviceManagerV1.TYPE, 1);
                    default -> { }
                }
            }
        });
        display.roundtrip();
        if (seat == null) throw new IOException("the compositor offers no wl_seat");
        if (primary ? primaryManager == null : dataDeviceManager == null) {
            throw new IOException("the compositor offers no " + (primary ? ZwpPrimarySelectionDeviceManagerV1.NAME : WlDataDeviceManager.NAME));
        }
        seat.getKeyboard().setListener(new WlKeyboard.Listener() {
            @Override
            public void keymap(WlKeyboard self, int format, OwnedFd fd, int size) {
                fd.close(); // the demos type nothing
            }

            @Override
            public void enter(WlKeyboard self, int serial, WlSurface s, java.nio.ByteBuffer keys) {
                enterSerial = serial;
            }
        });
        if (primary) listenToPrimary();
        else listenToClipboard();
    }

    private void listenToClipboard() {
        List<String> types = new ArrayList<>();
        dataDevice = dataDeviceManager.getDataDevice(seat).setListener(new WlDataDevice.Listener() {
            @Override
            public void dataOffer(WlDataDevice self, WlDataOffer o) {
                types.clear();
                o.setListener(new WlDataOffer.Listener() {
                    @Override
                    public void offer(WlDataOffer self, String mimeType) {
                        types.add(mimeType);
                    }
                });
            }

            @Override
            public void selection(WlDataDevice self, WlDataOffer o) {
                announced(o == null ? null : new Offer(List.copyOf(types), o::receive));
            }
        });
    }

    private void listenToPrimary() {
        List<String> types = new ArrayList<>();
        primaryDevice = primaryManager.getDevice(seat).setListener(new ZwpPrimarySelectionDeviceV1.Listener() {
            @Override
            public void dataOffer(ZwpPrimarySelectionDeviceV1 self, ZwpPrimarySelectionOfferV1 o) {
                types.clear();
                o.setListener(new ZwpPrimarySelectionOfferV1.Listener() {
                    @Override
                    public void offer(ZwpPrimarySelectionOfferV1 self, String mimeType) {
                        types.add(mimeType);
                    }
                });
            }

            @Override
            public void selection(ZwpPrimarySelectionDeviceV1 self, ZwpPrimarySelectionOfferV1 o) {
                announced(o == null ? null : new Offer(List.copyOf(types), o::receive));
            }
        });
    }

    private void announced(Offer o) {
        offer = o;
        announced = true;
    }

    /** Waits for the keyboard focus; returns its enter serial. The selection is announced before it. */
    int awaitFocus() throws IOException {
        while (enterSerial == 0) display.dispatch();
        return enterSerial;
    }

    /** The selection as last announced (null: none, or not yet announced). */
    Offer selection() {
        return announced ? offer : null;
    }

    /** Makes the selection ours for the input event {@code serial}, offering {@code mimeTypes}. */
    void own(List<String> mimeTypes, int serial, Owner owner) {
        if (primary) {
            ZwpPrimarySelectionSourceV1 source = primaryManager.createSource().setListener(new ZwpPrimarySelectionSourceV1.Listener() {
                @Override
                public void send(ZwpPrimarySelectionSourceV1 self, String mimeType, OwnedFd fd) {
                    serve(owner, mimeType, fd);
                }

                @Override
                public void cancelled(ZwpPrimarySelectionSourceV1 self) {
                    owner.cancelled();
                }
            });
            for (String t : mimeTypes) source.offer(t);
            primaryDevice.setSelection(source, serial);
        } else {
            WlDataSource source = dataDeviceManager.createDataSource().setListener(new WlDataSource.Listener() {
                @Override
                public void send(WlDataSource self, String mimeType, OwnedFd fd) {
                    serve(owner, mimeType, fd);
                }

                @Override
                public void cancelled(WlDataSource self) {
                    owner.cancelled();
                }
            });
            for (String t : mimeTypes) source.offer(t);
            dataDevice.setSelection(source, serial);
        }
    }

    private static void serve(Owner owner, String mimeType, OwnedFd fd) {
        try (fd) {
            owner.send(mimeType, fd);
        } catch (IOException e) {
            System.err.println("clipboard: sending " + mimeType + " failed: " + e.getMessage());
        }
    }

    /** Asks for the data of {@code o} as {@code mimeType} and reads it to the end. */
    byte[] receive(Offer o, String mimeType) throws IOException {
        OwnedFd[] pipe = Descriptors.pipe();
        try (OwnedFd readEnd = pipe[0]) {
            try (OwnedFd writeEnd = pipe[1]) {
                o.receiver().receive(mimeType, writeEnd); // a duplicate travels with the request
                display.flush();
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (byte[] chunk = Descriptors.readSome(readEnd, 65536); chunk.length > 0; chunk = Descriptors.readSome(readEnd, 65536)) {
                data.write(chunk);
            }
            return data.toByteArray();
        }
    }

    Display display() {
        return display;
    }

    @Override
    public void close() {
        toplevel.destroy();
        xdgSurface.destroy();
        surface.destroy();
        if (pool != null) pool.close();
    }
}
