package javawc.client;

import javawc.client.protocol.WlCallback;
import javawc.client.protocol.WlCompositor;
import javawc.client.protocol.WlRegion;
import javawc.client.protocol.WlSurface;
import javawc.os.OwnedFd;
import javawc.os.UnixSockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Versions of proxies: an object made by a request has its parent's version even where that
 * is above its own interface's version in the XML (as in libwayland); only bind is bounded.
 * No server is needed: requests are only encoded, never sent.
 */
class ProxyVersionTest {
    private OwnedFd peer;
    private Display display;

    @BeforeEach
    void connect() throws Exception {
        OwnedFd[] pair = UnixSockets.pair();
        peer = pair[1];
        display = Display.fromSocket(pair[0]);
    }

    @AfterEach
    void close() {
        display.close();
        peer.close();
    }

    @Test
    void childrenOfAVersion4CompositorAreVersion4() {
        WlCompositor compositor = display.wlDisplay().getRegistry().bind(1, WlCompositor.TYPE, 4);
        assertEquals(1, WlRegion.VERSION);
        WlRegion region = compositor.createRegion(); // threw "wl_region has no version 4" before
        assertEquals(4, region.version());
        WlSurface surface = compositor.createSurface();
        WlCallback frame = surface.frame();
        assertEquals(4, frame.version());
        surface.damageBuffer(0, 0, 1, 1); // a version 4 request: allowed
    }

    @Test
    void bindingAboveTheXmlVersionIsRefused() {
        var registry = display.wlDisplay().getRegistry();
        assertThrows(IllegalArgumentException.class, () -> registry.bind(1, WlCompositor.TYPE, WlCompositor.VERSION + 1));
        assertThrows(IllegalArgumentException.class, () -> registry.bind(1, WlCompositor.TYPE, 0));
    }
}
