package javawc.compositor.output;

import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlOutput;
import javawc.server.protocol.ZxdgOutputManagerV1;
import javawc.server.protocol.ZxdgOutputV1;

/**
 * zxdg_output_manager_v1 (v3): each output's logical position, size and name. From version 3
 * on, a batch of xdg_output events is closed by wl_output.done rather than xdg_output.done.
 */
public final class XdgOutputManager implements ZxdgOutputManagerV1.Handler, ZxdgOutputV1.Handler {
    public static final int VERSION = 3;

    public XdgOutputManager(GlobalRegistry registry) {
        registry.add(ZxdgOutputManagerV1.SPEC, VERSION, ZxdgOutputManagerV1::new, r -> r.setHandler(this));
    }

    @Override
    public void destroy(ZxdgOutputManagerV1 self) {
        // destructor; xdg_output objects made by it live on, as the protocol says
    }

    @Override
    public void getXdgOutput(ZxdgOutputManagerV1 self, ZxdgOutputV1 id, WlOutput wlOutput) {
        id.setHandler(this);
        Output output = OutputGlobal.of(wlOutput);
        id.sendLogicalPosition(output.x(), output.y());
        id.sendLogicalSize(output.logicalWidth(), output.logicalHeight());
        if (id.version() >= ZxdgOutputV1.EVENT_NAME_SINCE) {
            id.sendName(output.name());
            id.sendDescription(output.description());
        }
        if (id.version() >= 3) {
            if (wlOutput.version() >= WlOutput.EVENT_DONE_SINCE) wlOutput.sendDone();
        } else {
            id.sendDone();
        }
    }

    @Override
    public void destroy(ZxdgOutputV1 self) {
        // destructor: nothing is kept per xdg_output
    }
}
