package javawc.compositor.virtualkeyboard;

import javawc.compositor.input.Keymap;
import javawc.compositor.seat.Keyboard;
import javawc.compositor.seat.Seat;
import javawc.os.Descriptors;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.protocol.WlKeyboard;
import javawc.server.protocol.ZwpVirtualKeyboardV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * zwp_virtual_keyboard_v1: keys and modifiers in a keymap the client supplies, delivered to the
 * focused client through the seat's keyboard as if typed ({@link Keyboard#virtualKey}). The
 * keymap file is read once, when given: mapped privately, its size checked with fstat first,
 * and a client that shrinks it while we copy (the mapping then faults: SIGBUS, which the JVM
 * turns into an InternalError on this thread) gets the no_keymap error like one that sent
 * garbage; it is then compiled and re-serialized into our own sealed memfd, which is what
 * receiving clients get. Keys still held when the keyboard goes are released.
 */
final class VirtualKeyboard implements ZwpVirtualKeyboardV1.Handler {
    private static final Logger LOG = LogManager.getLogger(VirtualKeyboard.class);
    /** Real keymaps are tens of KiB; this bounds what one request makes us copy and compile. */
    static final int MAX_KEYMAP_SIZE = 4 << 20;
    private static final int MAX_KEYS = 64;

    private final Keyboard keyboard;
    private final int[] held = new int[MAX_KEYS];
    private int heldCount;
    private Keymap keymap;

    VirtualKeyboard(ZwpVirtualKeyboardV1 resource, Keyboard keyboard) {
        this.keyboard = keyboard;
        resource.setHandler(this);
        resource.onDestroy(this::gone);
    }

    @Override
    public void keymap(ZwpVirtualKeyboardV1 self, int format, OwnedFd fd, int size) {
        try (fd) {
            if (format != WlKeyboard.KeymapFormat.XKB_V1) {
                self.postError(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, "keymap format " + Integer.toUnsignedString(format) + " is not xkb_v1");
                return;
            }
            long length = Integer.toUnsignedLong(size);
            if (length == 0 || length > MAX_KEYMAP_SIZE) {
                self.postError(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, "keymap size " + length + " is not between 1 and " + MAX_KEYMAP_SIZE);
                return;
            }
            byte[] text = read(fd, (int) length);
            if (text == null) {
                self.postError(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, "the keymap file is shorter than the " + length + " bytes given");
                return;
            }
            Keymap compiled = Keymap.fromText(text);
            replace(compiled);
        } catch (Keymap.CompileException e) {
            self.postError(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, "the keymap is unusable: " + e.getMessage());
        } catch (OsException e) {
            self.postError(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, "the keymap file cannot be read: " + e.getMessage());
        }
    }

    /** The file's first {@code length} bytes, or null when it is shorter (also when it shrinks while we read). */
    private static byte[] read(OwnedFd fd, int length) throws OsException {
        if (Descriptors.size(fd) < length) return null;
        try (MemoryMapping m = MemoryMapping.mapPrivate(fd, length)) {
            byte[] text = new byte[length];
            m.buffer().get(0, text);
            return text;
        } catch (InternalError e) {
            return null; // SIGBUS: the client truncated the file after fstat
        }
    }

    /** A new keymap: keys held in the old one are let go first, in the old one's terms. */
    private void replace(Keymap compiled) {
        releaseHeld();
        Keymap old = keymap;
        keymap = compiled;
        if (old != null) close(old);
    }

    @Override
    public void key(ZwpVirtualKeyboardV1 self, int time, int key, int state) {
        if (!hasKeymap(self)) return;
        boolean pressed = state == WlKeyboard.KeyState.PRESSED;
        if (pressed) {
            if (heldCount == MAX_KEYS || isHeld(key)) return;
            held[heldCount++] = key;
        } else if (!removeHeld(key)) {
            return; // not pressed through this keyboard: nothing to release
        }
        keyboard.virtualKey(keymap, key, pressed, time);
    }

    @Override
    public void modifiers(ZwpVirtualKeyboardV1 self, int depressed, int latched, int locked, int group) {
        if (!hasKeymap(self)) return;
        keyboard.virtualModifiers(keymap, depressed, latched, locked, group);
    }

    private boolean hasKeymap(ZwpVirtualKeyboardV1 self) {
        if (keymap != null) return true;
        self.postError(ZwpVirtualKeyboardV1.Error.NO_KEYMAP, "no keymap was set");
        return false;
    }

    private boolean isHeld(int key) {
        for (int i = 0; i < heldCount; i++) if (held[i] == key) return true;
        return false;
    }

    private boolean removeHeld(int key) {
        for (int i = 0; i < heldCount; i++) {
            if (held[i] == key) {
                held[i] = held[--heldCount];
                return true;
            }
        }
        return false;
    }

    private void releaseHeld() {
        while (heldCount > 0) keyboard.virtualKey(keymap, held[--heldCount], false, Seat.nowMs());
    }

    private void close(Keymap k) {
        keyboard.keymapGone(k);
        k.close();
    }

    /** The keyboard was destroyed or its client left. */
    private void gone() {
        if (keymap == null) return;
        releaseHeld();
        close(keymap);
        keymap = null;
        LOG.debug("a virtual keyboard went");
    }

    @Override
    public void destroy(ZwpVirtualKeyboardV1 self) {
        // destructor: gone() runs as the resource goes
    }
}
