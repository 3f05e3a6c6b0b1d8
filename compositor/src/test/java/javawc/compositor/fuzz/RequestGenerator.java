package javawc.compositor.fuzz;

import javawc.os.Descriptors;
import javawc.os.LibC;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import javawc.server.Client;
import javawc.server.Global;
import javawc.server.Resource;
import javawc.server.Server;
import javawc.wire.MessageSpec;
import javawc.wire.ObjectMap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one fuzz client's requests, one at a time, from a {@link Choices} list. Structure
 * aware but generic: it knows no interface, only what the running server says: the globals it
 * offers, the objects this client has in the server's table and each one's request signatures.
 * So mostly well-formed requests on live objects of the right types, in any order (valid
 * requests in invalid orders), with a share of wrong ids, wrong types, bad strings and arrays,
 * fds that are missing, extra or of the wrong kind, and bytes corrupted after encoding.
 */
final class RequestGenerator {
    private static final int[] INTERESTING = {0, 1, 2, 3, 4, 5, 8, 16, 32, 64, 100, 120, 255, 256, 1000, 1024, 4096, 65535, 65536,
            -1, -2, -4096, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 0x8000, 1 << 20, 1 << 24, 0x3fffffff};
    private static final int[] MEMFD_SIZES = {0, 64, 4096, 65536, 1 << 20, 16 << 20};

    /** One encoded request and the fds that travel with it. */
    record Message(byte[] bytes, int length, List<OwnedFd> fds) {}

    private final Choices c;
    private final Client client;
    private final Server server;
    private final List<Integer> created = new ArrayList<>();
    private final ByteBuffer out = ByteBuffer.allocate(8 * 4096).order(ByteOrder.nativeOrder());
    private final List<OwnedFd> fds = new ArrayList<>();

    RequestGenerator(Choices choices, Client client, Server server) {
        this.c = choices;
        this.client = client;
        this.server = server;
    }

    /** The next request; its fds are the caller's to send and then close. */
    Message next() throws OsException {
        out.clear();
        fds.clear();
        Resource target = pickTarget();
        int targetId = target != null ? target.id() : weirdId();
        if (target == null) {
            // no object (or a deliberately wrong id): a header and some random words
            out.putInt(targetId).putInt(0);
            int words = c.below(6);
            for (int i = 0; i < words; i++) out.putInt(value());
            return finish(c.below(8));
        }
        MessageSpec[] requests = target.spec().requests();
        int opcode = requests.length == 0 || c.percent(3) ? c.below(requests.length + 4) : c.below(requests.length);
        out.putInt(targetId).putInt(0);
        if (opcode < requests.length) {
            if (target.spec().name().equals("wl_registry") && opcode == 0 && !c.percent(5)) {
                bind();
            } else {
                arguments(requests[opcode]);
            }
        }
        return finish(opcode);
    }

    private Message finish(int opcode) {
        int size = out.position();
        out.putInt(4, size << 16 | (opcode & 0xffff));
        if (c.percent(2)) out.put(c.below(size), (byte) c.anyInt());                      // a corrupted byte
        if (c.percent(1)) out.putInt(4, (c.below(0x10000) << 16) | (opcode & 0xffff));    // a lying size
        if (c.percent(1)) size = Math.max(0, size - 1 - c.below(Math.min(size, 12)));     // cut short
        return new Message(out.array(), size, List.copyOf(fds));
    }

    private void bind() {
        List<Global> globals = server.globals().list();
        Global g = globals.get(c.below(globals.size()));
        out.putInt(c.percent(3) ? value() : g.name());
        string(c.percent(3) ? globals.get(c.below(globals.size())).interfaceName() : g.interfaceName(), true);
        out.putInt(c.percent(5) ? value() : 1 + c.below(g.version()));
        out.putInt(newId());
    }

    private void arguments(MessageSpec m) throws OsException {
        String letters = m.letters();
        for (int i = 0; i < letters.length(); i++) {
            String type = m.types()[i];
            switch (letters.charAt(i)) {
                case 'i', 'u', 'f' -> out.putInt(value());
                case 'o' -> out.putInt(objectOf(type));
                case 'n' -> out.putInt(c.percent(4) ? weirdId() : newId());
                case 's' -> randomString();
                case 'a' -> array();
                case 'h' -> fd();
                default -> throw new IllegalStateException("signature letter " + letters.charAt(i));
            }
        }
        if (c.percent(2)) fd(); // one fd no argument asks for
    }

    // ---- objects and ids ----

    private Resource pickTarget() {
        if (created.isEmpty() && !c.percent(5)) return client.object(1); // most sessions begin at wl_display
        if (c.percent(3)) return null;
        List<Resource> live = live();
        return live.get(c.below(live.size()));
    }

    private List<Resource> live() {
        List<Resource> live = new ArrayList<>();
        live.add(client.object(1));
        for (int id : created) {
            Resource r = client.object(id);
            if (r != null) live.add(r);
        }
        for (int i = 0; i < 4; i++) {
            Resource r = client.object(ObjectMap.SERVER_ID_START + i);
            if (r != null) live.add(r);
        }
        return live;
    }

    private int objectOf(String type) {
        if (c.percent(4)) return 0;
        if (c.percent(4)) return weirdId();
        List<Resource> live = live();
        if (type != null && !c.percent(5)) {
            live.removeIf(r -> !r.spec().name().equals(type));
            if (live.isEmpty()) return c.percent(50) ? 0 : weirdId();
        }
        return live.get(c.below(live.size())).id();
    }

    /** The lowest id free in the server's table: the one a client library would use. */
    private int newId() {
        int id = 2;
        while (client.object(id) != null) id++;
        if (!created.contains(id)) created.add(id);
        return id;
    }

    private int weirdId() {
        return switch (c.below(6)) {
            case 0 -> 1;                                              // the display again
            case 1 -> ObjectMap.SERVER_ID_START + c.below(4);         // the server's range
            case 2 -> created.isEmpty() ? 2 : created.get(c.below(created.size())); // reused or destroyed
            case 3 -> 2 + c.below(200);                               // ahead of the table
            case 4 -> 0;
            default -> c.anyInt();
        };
    }

    // ---- values ----

    private int value() {
        return switch (c.below(5)) {
            case 0, 1 -> INTERESTING[c.below(INTERESTING.length)];
            case 2 -> c.below(1024);
            case 3 -> serial();
            default -> c.anyInt();
        };
    }

    /** A recent event serial, for ack_configure, set_selection, grabs and the like. */
    private int serial() {
        int now = server.nextSerial();
        return now - 1 - c.below(8);
    }

    private void randomString() {
        switch (c.below(8)) {
            case 0 -> out.putInt(0); // null
            case 1 -> string("text/plain;charset=utf-8", true);
            case 2 -> string(server.globals().list().get(c.below(server.globals().list().size())).interfaceName(), true);
            case 3 -> longString(c.percent(50));
            case 4 -> { // invalid UTF-8
                out.putInt(4).put((byte) 0xff).put((byte) 0xc3).put((byte) 0x28).put((byte) 0);
            }
            case 5 -> out.putInt(c.anyInt()); // a length the message cannot hold
            default -> {
                byte[] s = new byte[1 + c.below(40)];
                for (int i = 0; i < s.length; i++) s[i] = (byte) (32 + c.below(95));
                string(new String(s, StandardCharsets.US_ASCII), c.percent(95));
            }
        }
    }

    /** A string of 4095 characters: with its NUL it is 4096 bytes, the longest a message may carry. */
    private void longString(boolean withNul) {
        int length = 4096 - 16;
        out.putInt(length);
        for (int i = 0; i < length - 1; i++) out.put((byte) 'x');
        out.put(withNul ? 0 : (byte) 'y');
    }

    private void string(String s, boolean withNul) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length + 1);
        out.put(bytes);
        out.put(withNul ? 0 : (byte) '!');
        while ((out.position() & 3) != 0) out.put((byte) 0);
    }

    private void array() {
        switch (c.below(4)) {
            case 0 -> out.putInt(0);
            case 1 -> out.putInt(0x7ffffff0 + c.below(16)); // far more than the message holds
            default -> {
                int n = c.below(64);
                out.putInt(n);
                for (int i = 0; i < n; i++) out.put((byte) c.below(256));
                while ((out.position() & 3) != 0) out.put((byte) 0);
            }
        }
    }

    // ---- fds ----

    private void fd() throws OsException {
        if (c.percent(5)) return; // the fd the argument needs never comes
        switch (c.below(6)) {
            case 0, 1, 2 -> fds.add(Descriptors.memfd("fuzz", MEMFD_SIZES[c.below(MEMFD_SIZES.length)]));
            case 3 -> {
                OwnedFd[] pipe = Descriptors.pipe();
                int keep = c.below(2);
                fds.add(pipe[keep]);
                pipe[1 - keep].close();
            }
            case 4 -> fds.add(OwnedFd.check(LibC.open("/dev/null", LibC.O_RDWR | LibC.O_CLOEXEC, 0), "open /dev/null"));
            default -> {
                OwnedFd[] pair = UnixSockets.pair();
                fds.add(pair[0]);
                pair[1].close();
            }
        }
    }
}
