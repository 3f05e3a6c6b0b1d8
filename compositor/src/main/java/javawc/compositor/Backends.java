package javawc.compositor;

import javawc.compositor.backend.Backend;
import javawc.compositor.backend.HeadlessBackend;
import javawc.compositor.backend.drm.DrmBackend;
import javawc.compositor.output.Output;
import javawc.compositor.output.OutputSpec;
import javawc.compositor.render.FallbackRenderer;
import javawc.compositor.render.Renderer;
import javawc.compositor.render.gles.GlesException;
import javawc.compositor.render.gles.GlesRenderer;
import javawc.compositor.render.software.SoftwareRenderer;
import javawc.compositor.session.DeviceAccess;
import javawc.compositor.session.LibseatSession;
import javawc.os.LibC;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.util.List;

/**
 * The choices behind --backend, --session and --renderer: which devices to drive, how to open
 * them, and what renders into them, each with a log line saying why when auto picks.
 */
final class Backends {
    private static final Logger LOG = LogManager.getLogger(Backends.class);

    private Backends() {}

    /** A backend and, when a seat manager handed over the seat, its session (else null: devices opened directly). */
    record Opened(Backend backend, LibseatSession seat) {}

    /** The backend --backend and --session ask for, falling back as auto allows. */
    static Opened open(Options options) throws IOException {
        LibseatSession opened = openSeatSession(options);
        Backend made;
        try {
            made = createBackend(options, opened != null ? opened : DeviceAccess.DIRECT);
        } catch (IOException | RuntimeException e) {
            if (opened != null) opened.close();
            if (opened == null || !options.session().equals("auto")) throw e;
            // a seat without a manager behind it (libseat's builtin backend as a user) opens nothing
            LOG.info("the DRM device cannot be had through libseat ({}): opening devices directly", e.getMessage());
            opened = null;
            made = createBackend(options, DeviceAccess.DIRECT);
        }
        if (opened != null && !(made instanceof DrmBackend)) { // --backend auto fell back to headless: no seat needed
            opened.close();
            opened = null;
        }
        return new Opened(made, opened);
    }

    /**
     * --session: libseat when asked for; with auto, when not root and the DRM backend may run,
     * libseat if a seat manager hands over the seat, else (logged why) devices opened directly.
     */
    static LibseatSession openSeatSession(Options options) throws IOException {
        if (options.session().equals("direct") || options.backend().equals("headless")) return null;
        if (options.session().equals("libseat")) {
            try {
                return LibseatSession.open();
            } catch (IOException e) {
                throw new IOException("--session libseat: " + e.getMessage(), e);
            }
        }
        if (LibC.getuid() == 0) return null; // root opens what it needs itself
        if (options.backend().equals("auto") && !java.nio.file.Files.exists(java.nio.file.Path.of(options.drmDevice()))) return null;
        try {
            return LibseatSession.open();
        } catch (IOException e) {
            LOG.info("no seat manager ({}): opening devices directly", e.getMessage());
            return null;
        }
    }

    static Backend createBackend(Options options, DeviceAccess access) throws IOException {
        Output.Mode mode = new Output.Mode(options.width(), options.height(), options.refreshMilliHz());
        return switch (options.backend()) {
            case "headless" -> headless(options, mode);
            case "drm" -> DrmBackend.open(options.drmDevice(), options.mode(), access);
            default -> {
                if (!java.nio.file.Files.exists(java.nio.file.Path.of(options.drmDevice()))) {
                    LOG.info("no DRM device at {}: running headless", options.drmDevice());
                    yield headless(options, mode);
                }
                try {
                    yield DrmBackend.open(options.drmDevice(), options.mode(), access);
                } catch (IOException e) {
                    LOG.warn("not using {}: {}; running headless", options.drmDevice(), e.getMessage());
                    yield headless(options, mode);
                }
            }
        };
    }

    /** The headless outputs: one per --output, else --outputs N of --width, --height and --refresh. */
    private static HeadlessBackend headless(Options options, Output.Mode mode) {
        if (options.outputSpecs().isEmpty()) return HeadlessBackend.withOutputs(options.outputCount(), mode);
        List<Output> list = new java.util.ArrayList<>();
        for (OutputSpec spec : options.outputSpecs()) list.add(new Output(spec.name(), "javawc", "headless", 0, 0, spec.mode() != null ? spec.mode() : mode, 0, 0));
        return new HeadlessBackend(list);
    }

    /**
     * --renderer: gles fails loudly when it cannot start; auto takes GLES when it starts on a
     * GPU, else software, saying why (GL on a CPU rasterizer composites slower than software).
     * On a DRM device GLES runs on EGL's GBM platform and draws into the scanout buffers; when
     * that cannot be had (the log says why), on the surfaceless platform, read back into the
     * dumb buffers.
     */
    static Renderer createRenderer(String which, Backend backend) throws IOException {
        if (which.equals("software")) return new SoftwareRenderer();
        if (backend instanceof DrmBackend drm) {
            try {
                GlesRenderer gles = drm.openGles();
                if (which.equals("auto") && gles.rendersOnCpu()) {
                    LOG.info("GLES on GBM renders on the CPU here ({}): using the faster software renderer (--renderer gles forces GLES)", gles.description());
                    drm.dropGles();
                    return new SoftwareRenderer();
                }
                drm.scanOutWith(gles);
                LOG.info("GLES renderer on GBM (gbm backend {}), drawing into the scanout buffers: {}", drm.gbmBackend(), gles.description());
                return gles;
            } catch (GlesException e) {
                drm.dropGles();
                LOG.info("GLES on GBM unavailable ({}): trying surfaceless EGL, read back into dumb buffers", e.getMessage());
            }
        }
        if (which.equals("auto") && !hasRenderNode()) {
            // without a render node EGL can only rasterize on the CPU, which auto would refuse
            // after seconds of loading Mesa: skip the probe (most of a headless start's time)
            LOG.info("no GPU render node in /dev/dri: using the software renderer (--renderer gles forces GLES)");
            return new SoftwareRenderer();
        }
        try {
            GlesRenderer gles = GlesRenderer.surfaceless();
            if (which.equals("auto") && gles.rendersOnCpu()) {
                LOG.info("GLES renders on the CPU here ({}): using the faster software renderer (--renderer gles forces GLES)", gles.description());
                gles.close();
                return new SoftwareRenderer();
            }
            LOG.info("GLES renderer on {}", gles.description());
            // headless, frames are read back into our framebuffers, so the software renderer can
            // take over if the GPU fails; on DRM the surfaceless renderer keeps its own type, since
            // dma-buf import asks it for formats
            return backend instanceof DrmBackend ? gles : new FallbackRenderer(gles, SoftwareRenderer::new);
        } catch (GlesException e) {
            if (which.equals("gles")) throw new IOException("cannot use the GLES renderer: " + e.getMessage());
            LOG.info("GLES renderer unavailable ({}): using the software renderer", e.getMessage());
            return new SoftwareRenderer();
        }
    }

    /** Whether the kernel offers a GPU render node (/dev/dri/renderD*), which any GPU EGL driver would open. */
    private static boolean hasRenderNode() {
        String[] names = new java.io.File("/dev/dri").list();
        if (names == null) return false;
        for (String n : names) if (n.startsWith("renderD")) return true;
        return false;
    }
}
