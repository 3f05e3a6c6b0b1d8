package javawc.clients;

import javawc.client.Display;
import javawc.client.protocol.WlKeyboard;
import javawc.client.protocol.WlPointer;
import javawc.client.protocol.WlRegistry;
import javawc.client.protocol.WlSeat;
import javawc.client.protocol.WlShm;
import javawc.client.protocol.WlSurface;
import javawc.client.protocol.XdgSurface;
import javawc.client.protocol.XdgToplevel;
import javawc.client.protocol.ZwpLockedPointerV1;
import javawc.client.protocol.ZwpPointerConstraintsV1;
import javawc.client.protocol.ZwpRelativePointerManagerV1;
import javawc.client.protocol.ZwpRelativePointerV1;
import javawc.os.OwnedFd;
import javawc.wire.Fixed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Prints what its window's wl_keyboard and wl_pointer get, one line per event on stdout, for
 * tests that send input from outside (the KMS VM test types and clicks through QEMU's virtual
 * keyboard and tablet): {@code keymap SIZE}, {@code enter [KEYS]}, {@code key CODE pressed|released}
 * (evdev codes: 30 is KEY_A), {@code modifiers DEPRESSED LATCHED LOCKED GROUP}, {@code leave};
 * {@code pointer enter X Y}, {@code pointer motion X Y} (surface-local), {@code pointer button
 * CODE pressed|released} (272 is BTN_LEFT), {@code pointer axis AXIS VALUE}, {@code pointer leave}.
 * The window is a plain
 * teal rectangle (0x30a0d0), so the screen shows whether it is there. Runs until killed, or
 * for {@code --seconds S} (0: no limit). With {@code --lock-pointer} it asks for a persistent
 * pointer lock on its window (zwp_pointer_constraints_v1) and prints {@code pointer locked},
 * {@code pointer unlocked} and the device motion it gets meanwhile, {@code pointer relative DX DY}
 * (zwp_relative_pointer_v1), as a game or 3D view would.
 * <p>
 * {@code InputProbe [--width 320] [--height 240] [--seconds 0] [--app-id javawc.input-probe] [--lock-pointer]}
 */
public final class InputProbe {
    static final int COLOUR = 0xff30a0d0;
    private static final SequencedMap<String, String> DEFAULTS = DemoArgs.defaults("width", "320", "height", "240", "seconds", "0",
            "app-id", "javawc.input-probe");

    private static final List<String> FLAGS = List.of("lock-pointer");

    private record Options(int width, int height, int seconds, String appId, boolean lockPointer) {
        static Options read(DemoArgs a) {
            return new Options(a.integer("width", 1), a.integer("height", 1), a.integer("seconds", 0), a.string("app-id"), a.flag("lock-pointer"));
        }
    }

    public static void main(String[] args) {
        Options options = DemoArgs.parseOrExit("input-probe", args, DEFAULTS, FLAGS, Options::read);
        try (Display display = Display.connect()) {
            run(display, options);
        } catch (IOException e) {
            System.err.println("input-probe: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Display display, Options options) throws IOException {
        DemoGlobals globals = DemoGlobals.bind(display);
        Map<String, Integer> names = new HashMap<>();
        WlSeat seat = bindSeat(display, names);
        seat.getKeyboard().setListener(new WlKeyboard.Listener() {
            @Override
            public void keymap(WlKeyboard self, int format, OwnedFd fd, int size) {
                fd.close();
                print("keymap " + size);
            }

            @Override
            public void enter(WlKeyboard self, int serial, WlSurface surface, ByteBuffer keys) {
                List<Integer> held = new ArrayList<>();
                while (keys.remaining() >= 4) held.add(keys.getInt());
                print("enter " + held.toString().replace(", ", ","));
            }

            @Override
            public void leave(WlKeyboard self, int serial, WlSurface surface) {
                print("leave");
            }

            @Override
            public void key(WlKeyboard self, int serial, int time, int key, int state) {
                print("key " + key + (state == WlKeyboard.KeyState.PRESSED ? " pressed" : " released"));
            }

            @Override
            public void modifiers(WlKeyboard self, int serial, int depressed, int latched, int locked, int group) {
                print("modifiers " + depressed + " " + latched + " " + locked + " " + group);
            }
        });

        WlPointer pointer = seat.getPointer();
        pointer.setListener(new WlPointer.Listener() {
            @Override
            public void enter(WlPointer self, int serial, WlSurface surface, int x, int y) {
                print("pointer enter " + Fixed.toDouble(x) + " " + Fixed.toDouble(y));
            }

            @Override
            public void leave(WlPointer self, int serial, WlSurface surface) {
                print("pointer leave");
            }

            @Override
            public void motion(WlPointer self, int time, int x, int y) {
                print("pointer motion " + Fixed.toDouble(x) + " " + Fixed.toDouble(y));
            }

            @Override
            public void button(WlPointer self, int serial, int time, int button, int state) {
                print("pointer button " + button + (state == WlPointer.ButtonState.PRESSED ? " pressed" : " released"));
            }

            @Override
            public void axis(WlPointer self, int time, int axis, int value) {
                print("pointer axis " + axis + " " + Fixed.toDouble(value));
            }
        });

        WlSurface surface = globals.compositor().createSurface();
        int[] configureSerial = {0};
        XdgSurface xdgSurface = globals.wmBase().getXdgSurface(surface).setListener(new XdgSurface.Listener() {
            @Override
            public void configure(XdgSurface self, int serial) {
                configureSerial[0] = serial;
            }
        });
        XdgToplevel toplevel = xdgSurface.getToplevel();
        toplevel.setTitle("input-probe");
        toplevel.setAppId(options.appId());
        surface.commit();
        while (configureSerial[0] == 0) display.dispatch();
        xdgSurface.ackConfigure(configureSerial[0]);
        ShmBufferPool pool = new ShmBufferPool(globals.shm(), options.width(), options.height(), WlShm.Format.XRGB8888, 1);
        ShmBufferPool.Buffer buffer = pool.acquire();
        buffer.canvas().fill(0, 0, options.width(), options.height(), COLOUR);
        surface.attach(buffer.wlBuffer(), 0, 0);
        DemoGlobals.damage(surface, 0, 0, options.width(), options.height());
        surface.commit();
        print("mapped");
        if (options.lockPointer()) lockPointer(display, names, surface, pointer);

        long end = options.seconds() == 0 ? Long.MAX_VALUE : System.nanoTime() + options.seconds() * 1_000_000_000L;
        while (System.nanoTime() < end) display.dispatch(200);
    }

    /** A persistent lock on {@code surface}, with the relative motion printed; the compositor decides when it is active. */
    private static void lockPointer(Display display, Map<String, Integer> names, WlSurface surface, WlPointer pointer) throws IOException {
        Integer constraintsName = names.get(ZwpPointerConstraintsV1.NAME), relativeName = names.get(ZwpRelativePointerManagerV1.NAME);
        if (constraintsName == null || relativeName == null) throw new IOException("the compositor offers no pointer constraints or relative pointer");
        WlRegistry registry = display.wlDisplay().getRegistry();
        ZwpRelativePointerManagerV1 relative = registry.bind(relativeName, ZwpRelativePointerManagerV1.TYPE, 1);
        relative.getRelativePointer(pointer).setListener(new ZwpRelativePointerV1.Listener() {
            @Override
            public void relativeMotion(ZwpRelativePointerV1 self, int hi, int lo, int dx, int dy, int dxUnaccelerated, int dyUnaccelerated) {
                print("pointer relative " + Fixed.toDouble(dx) + " " + Fixed.toDouble(dy));
            }
        });
        ZwpPointerConstraintsV1 constraints = registry.bind(constraintsName, ZwpPointerConstraintsV1.TYPE, 1);
        constraints.lockPointer(surface, pointer, null, ZwpPointerConstraintsV1.Lifetime.PERSISTENT).setListener(new ZwpLockedPointerV1.Listener() {
            @Override
            public void locked(ZwpLockedPointerV1 self) {
                print("pointer locked");
            }

            @Override
            public void unlocked(ZwpLockedPointerV1 self) {
                print("pointer unlocked");
            }
        });
        display.roundtrip();
    }

    /** The first wl_seat, bound; every global's name by interface into {@code names}. */
    private static WlSeat bindSeat(Display display, Map<String, Integer> names) throws IOException {
        WlSeat[] seat = {null};
        display.wlDisplay().getRegistry().setListener(new WlRegistry.Listener() {
            @Override
            public void global(WlRegistry registry, int name, String iface, int version) {
                names.putIfAbsent(iface, name);
                if (iface.equals(WlSeat.NAME) && seat[0] == null) seat[0] = registry.bind(name, WlSeat.TYPE, Math.min(version, 5));
            }
        });
        display.roundtrip();
        if (seat[0] == null) throw new IOException("the compositor offers no wl_seat");
        return seat[0];
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
