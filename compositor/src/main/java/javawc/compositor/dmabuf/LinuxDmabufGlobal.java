package javawc.compositor.dmabuf;

import javawc.os.OsException;
import javawc.server.GlobalRegistry;
import javawc.server.protocol.WlSurface;
import javawc.server.protocol.ZwpLinuxBufferParamsV1;
import javawc.server.protocol.ZwpLinuxDmabufFeedbackV1;
import javawc.server.protocol.ZwpLinuxDmabufV1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * zwp_linux_dmabuf_v1, version 4: clients learn which device to allocate on and which
 * format/modifier pairs we take from feedback objects (one default tranche for everything we
 * can composite, listed first the pairs the display can scan out directly), then build
 * wl_buffers from dma-buf fds with params objects. Clients binding versions 1-3 get the
 * older format and modifier events instead. Only offered when a backend has a device.
 */
public final class LinuxDmabufGlobal implements ZwpLinuxDmabufV1.Handler, AutoCloseable {
    public static final int VERSION = 4;

    private final DmabufSupport support;
    private final FormatTable table;

    public LinuxDmabufGlobal(GlobalRegistry registry, DmabufSupport support) throws OsException {
        this.support = support;
        this.table = new FormatTable(support.formats());
        registry.add(ZwpLinuxDmabufV1.SPEC, VERSION, ZwpLinuxDmabufV1::new, r -> {
            r.setHandler(this);
            if (r.version() < ZwpLinuxDmabufV1.REQUEST_GET_DEFAULT_FEEDBACK_SINCE) announceFormats(r); // no feedback for them
        });
    }

    /** Versions 1-3: a format event per format, and from version 3 a modifier event per pair. */
    private void announceFormats(ZwpLinuxDmabufV1 r) {
        boolean modifiers = r.version() >= ZwpLinuxDmabufV1.EVENT_MODIFIER_SINCE;
        int last = -1;
        for (DmabufSupport.FormatModifier f : support.formats()) {
            if (modifiers) r.sendModifier(f.format(), (int) (f.modifier() >>> 32), (int) f.modifier());
            else if (f.format() != last) r.sendFormat(f.format());
            last = f.format();
        }
    }

    @Override
    public void destroy(ZwpLinuxDmabufV1 self) {
        // destructor; buffers and params made through it live on
    }

    @Override
    public void createParams(ZwpLinuxDmabufV1 self, ZwpLinuxBufferParamsV1 params) {
        new BufferParams(params, support);
    }

    @Override
    public void getDefaultFeedback(ZwpLinuxDmabufV1 self, ZwpLinuxDmabufFeedbackV1 id) {
        sendFeedback(id);
    }

    @Override
    public void getSurfaceFeedback(ZwpLinuxDmabufV1 self, ZwpLinuxDmabufFeedbackV1 id, WlSurface surface) {
        sendFeedback(id); // one output, one device: a surface's preferences are the default ones
    }

    /** The whole feedback at once: table, main device, the scanout tranche, the rest, done. */
    private void sendFeedback(ZwpLinuxDmabufFeedbackV1 f) {
        f.setHandler(self -> { }); // destroy is its only request
        f.sendFormatTable(table.fd(), table.size());
        f.sendMainDevice(deviceArray());
        if (!support.scanout().isEmpty()) {
            f.sendTrancheTargetDevice(deviceArray());
            f.sendTrancheFlags(ZwpLinuxDmabufFeedbackV1.TrancheFlags.SCANOUT);
            f.sendTrancheFormats(table.indices(support.scanout()));
            f.sendTrancheDone();
        }
        var rest = support.formats().stream().filter(x -> !support.scanout().contains(x)).toList();
        if (!rest.isEmpty()) {
            f.sendTrancheTargetDevice(deviceArray());
            f.sendTrancheFlags(0);
            f.sendTrancheFormats(table.indices(rest));
            f.sendTrancheDone();
        }
        f.sendDone();
    }

    private ByteBuffer deviceArray() {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, support.deviceNumber());
    }

    @Override
    public void close() {
        table.close();
    }
}
