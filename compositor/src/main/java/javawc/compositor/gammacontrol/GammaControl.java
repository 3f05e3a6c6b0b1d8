package javawc.compositor.gammacontrol;

import javawc.compositor.backend.GammaTables;
import javawc.compositor.output.Output;
import javawc.os.Descriptors;
import javawc.os.MemoryMapping;
import javawc.os.OsException;
import javawc.os.OwnedFd;
import javawc.server.protocol.ZwlrGammaControlV1;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * zwlr_gamma_control_v1: one client's hold on one output's gamma table. set_gamma reads three
 * ramps of gamma_size 16-bit entries from the start of the file it is given (mapped read-only,
 * so a pipe, which cannot be, and a file shorter than that are invalid_gamma); a table the
 * display refuses makes the control fail. The output's own table comes back when the control
 * is destroyed or fails, or its client goes.
 */
final class GammaControl implements ZwlrGammaControlV1.Handler {
    private static final Logger LOG = LogManager.getLogger(GammaControl.class);

    private final ZwlrGammaControlV1 resource;
    private final Output output;
    private final GammaTables tables;
    private final GammaControlManagerGlobal manager;
    private boolean failed, set;

    GammaControl(ZwlrGammaControlV1 resource, Output output, GammaTables tables, GammaControlManagerGlobal manager) {
        this.resource = resource;
        this.output = output;
        this.tables = tables;
        this.manager = manager;
        resource.setHandler(this);
        resource.onDestroy(this::restore);
    }

    Output output() {
        return output;
    }

    /** Sends failed; the control is inert from now on and gives its output up. */
    void fail(String why) {
        LOG.info("gamma control of {} failed: {}", output.name(), why);
        restore();
        failed = true;
        resource.sendFailed();
    }

    /** Puts the output's table back if this control changed it, and gives the output up. */
    void restore() {
        if (failed) return;
        manager.released(this);
        if (!set) return;
        set = false;
        try {
            tables.reset(output);
        } catch (OsException e) {
            LOG.warn("cannot put back the gamma table of {}: {}", output.name(), e.getMessage());
        }
    }

    @Override
    public void setGamma(ZwlrGammaControlV1 self, OwnedFd fd) {
        try (fd) {
            if (failed) return;
            int size = tables.size(output);
            long bytes = 3L * size * 2;
            long fileSize;
            try {
                fileSize = Descriptors.size(fd);
            } catch (OsException e) {
                fileSize = -1;
            }
            if (fileSize < bytes) {
                self.postError(ZwlrGammaControlV1.Error.INVALID_GAMMA, "the gamma file has " + fileSize + " bytes; 3 ramps of " + size + " entries need " + bytes);
                return;
            }
            short[] ramps = new short[3 * size];
            try (MemoryMapping map = MemoryMapping.map(fd, bytes, false)) {
                ShortBuffer in = map.buffer().order(ByteOrder.nativeOrder()).asShortBuffer();
                in.get(0, ramps);
            } catch (OsException | InternalError e) { // InternalError: the file shrank under the mapping (SIGBUS)
                self.postError(ZwlrGammaControlV1.Error.INVALID_GAMMA, "cannot read the gamma file: " + e.getMessage());
                return;
            }
            try {
                tables.set(output, ramps);
                set = true;
            } catch (OsException | IllegalArgumentException e) {
                fail("the display refused the table: " + e.getMessage());
            }
        }
    }

    @Override
    public void destroy(ZwlrGammaControlV1 self) {
        // destructor: the destroy listener puts the table back
    }
}
