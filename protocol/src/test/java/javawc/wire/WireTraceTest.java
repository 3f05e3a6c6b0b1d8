package javawc.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

/** The trace reads like libwayland's WAYLAND_DEBUG output. */
class WireTraceTest {
    private static final MessageSpec BIND = new MessageSpec("bind", 1, false, "usun", new String[] {null, null, null, null});
    private static final MessageSpec MIXED = new MessageSpec("mixed", 1, false, "ifs?oah?s", new String[] {null, null, null, "wl_surface", null, null, null});

    private static WireObject object(String name, int id) {
        return new WireObject(new InterfaceSpec(name, 1, new MessageSpec[] {BIND, MIXED}, new MessageSpec[0]), 1) {
            { assignId(id); }
        };
    }

    private static ByteBuffer args(Object... values) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
        for (Object v : values) {
            if (v instanceof Integer i) b.putInt(i);
            else if (v instanceof String s) {
                b.putInt(s.length() + 1).put(s.getBytes()).put((byte) 0);
                while (b.position() % 4 != 0) b.put((byte) 0);
            }
        }
        return b.flip();
    }

    @Test
    void bindNamesTheInterfaceOfTheNewId() {
        ByteBuffer b = args(1, "wl_compositor", 4, 3);
        String line = WireTrace.format(false, object("wl_registry", 2), BIND, b, 0, b.limit(), id -> null, i -> -1);
        assertTrue(line.matches("\\[ *\\d+\\.\\d{3}] wl_registry@2\\.bind\\(1, \"wl_compositor\", 4, new id wl_compositor@3\\)"), line);
    }

    @Test
    void everyKindOfArgument() {
        ByteBuffer b = args(-5, Fixed.fromDouble(1.5), "hi", 9, 3, 0x00636261, 0);
        String line = WireTrace.format(true, object("thing", 7), MIXED, b, 0, b.limit(), id -> id == 9 ? "wl_surface@9" : null, i -> 12);
        assertTrue(line.endsWith(" -> thing@7.mixed(-5, 1.500000, \"hi\", wl_surface@9, array[3], fd 12, nil)"), line);
    }

    @Test
    void malformedArgumentsAreShownNotThrown() {
        ByteBuffer b = args(1, 9999);
        String line = WireTrace.format(false, object("wl_registry", 2), BIND, b, 0, b.limit(), id -> null, i -> -1);
        assertTrue(line.contains("<bad length 9999>"), line);
    }
}
