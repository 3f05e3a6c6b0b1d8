package javawc.compositor.singlepixelbuffer;

import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlBuffer;
import javawc.server.protocol.WpSinglePixelBufferManagerV1;

/** wp_single_pixel_buffer_manager_v1 (v1): makes 1x1 wl_buffers of one colour. */
public final class SinglePixelBufferManagerGlobal implements WpSinglePixelBufferManagerV1.Handler {
    public static final int VERSION = 1;

    public SinglePixelBufferManagerGlobal(GlobalRegistry registry) {
        registry.add(WpSinglePixelBufferManagerV1.SPEC, VERSION, WpSinglePixelBufferManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void destroy(WpSinglePixelBufferManagerV1 self) {
        // destructor; buffers made through it live on
    }

    @Override
    public void createU32RgbaBuffer(WpSinglePixelBufferManagerV1 self, WlBuffer id, int r, int g, int b, int a) {
        id.setHandler(new SinglePixelBuffer(r, g, b, a));
    }
}
