package javawc.compositor.render.gles;

import javawc.compositor.dmabuf.DmabufSupport;
import javawc.os.Drm;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL12;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.egl.EXTImageDMABufImport;
import org.lwjgl.egl.EXTImageDMABufImportModifiers;
import org.lwjgl.egl.KHRImageBase;
import org.lwjgl.opengles.GLES;
import org.lwjgl.opengles.GLESCapabilities;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.lwjgl.system.MemoryUtil.memAddress;

/**
 * An EGL display and an OpenGL ES 2 context with no window surface: the renderer draws into
 * framebuffer objects it creates. Headless, the display is Mesa's surfaceless platform (no
 * GPU or windowing system needed; llvmpipe renders on the CPU). On KMS it is a GBM device
 * ({@link #gbm}), whose buffers the renderer draws into as EGLImages imported from their
 * dma-bufs; clients' dma-bufs come in the same way ({@link #importDmabuf}).
 *
 * <p>The context is current on one thread at a time: {@link #makeCurrent()} binds it to the
 * calling thread, which from then on is the only one allowed to issue GL calls.
 */
public final class EglContext implements AutoCloseable {
    /** EGL_PLATFORM_SURFACELESS_MESA, from EGL_MESA_platform_surfaceless. */
    public static final int PLATFORM_SURFACELESS_MESA = 0x31DD;
    /** EGL_PLATFORM_GBM_KHR (the same value as EGL_PLATFORM_GBM_MESA): the native display is a gbm_device. */
    public static final int PLATFORM_GBM_KHR = 0x31D7;

    private static final int EGL_OPENGL_ES_API = 0x30A0, EGL_OPENGL_ES2_BIT = 0x0004, EGL_RENDERABLE_TYPE = 0x3040,
            EGL_CONTEXT_CLIENT_VERSION = 0x3098, EGL_NONE = 0x3038, EGL_EXTENSIONS = 0x3055, EGL_VENDOR = 0x3053;

    private static final String MEMORY_BACKEND = "org.lwjgl.system.memoryBackend";

    private static final int[][] PLANE_ATTRIBUTES = { // fd, offset, pitch, modifier low and high bits, per plane
            {EXTImageDMABufImport.EGL_DMA_BUF_PLANE0_FD_EXT, EXTImageDMABufImport.EGL_DMA_BUF_PLANE0_OFFSET_EXT, EXTImageDMABufImport.EGL_DMA_BUF_PLANE0_PITCH_EXT,
                    EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE0_MODIFIER_LO_EXT, EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE0_MODIFIER_HI_EXT},
            {EXTImageDMABufImport.EGL_DMA_BUF_PLANE1_FD_EXT, EXTImageDMABufImport.EGL_DMA_BUF_PLANE1_OFFSET_EXT, EXTImageDMABufImport.EGL_DMA_BUF_PLANE1_PITCH_EXT,
                    EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE1_MODIFIER_LO_EXT, EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE1_MODIFIER_HI_EXT},
            {EXTImageDMABufImport.EGL_DMA_BUF_PLANE2_FD_EXT, EXTImageDMABufImport.EGL_DMA_BUF_PLANE2_OFFSET_EXT, EXTImageDMABufImport.EGL_DMA_BUF_PLANE2_PITCH_EXT,
                    EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE2_MODIFIER_LO_EXT, EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE2_MODIFIER_HI_EXT},
            {EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE3_FD_EXT, EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE3_OFFSET_EXT, EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE3_PITCH_EXT,
                    EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE3_MODIFIER_LO_EXT, EXTImageDMABufImportModifiers.EGL_DMA_BUF_PLANE3_MODIFIER_HI_EXT}};

    private final long display, context;
    private final EGLCapabilities caps;
    private final String description;
    private GLESCapabilities gles;
    private Thread owner;
    private boolean closed;

    private EglContext(long display, long context, EGLCapabilities caps, String description) {
        this.display = display;
        this.context = context;
        this.caps = caps;
        this.description = description;
    }

    /** The surfaceless platform (headless). */
    public static EglContext surfaceless() throws GlesException {
        return open(PLATFORM_SURFACELESS_MESA, 0);
    }

    /** The GBM platform on {@code gbmDevice} (a gbm_device pointer): KMS. */
    public static EglContext gbm(long gbmDevice) throws GlesException {
        return open(PLATFORM_GBM_KHR, gbmDevice);
    }

    /**
     * Opens {@code platform}'s display for {@code nativeDisplay} (0 for the surfaceless platform)
     * and creates a GLES 2 context on it; throws with the reason when something is missing.
     */
    public static EglContext open(int platform, long nativeDisplay) throws GlesException {
        // LWJGL's memory access through the FFM API (JDK 22+) rather than sun.misc.Unsafe, which JDK 25 warns about
        if (System.getProperty(MEMORY_BACKEND) == null) System.setProperty(MEMORY_BACKEND, "ffm");
        EGLCapabilities client;
        try {
            client = EGL.getCapabilities();
        } catch (Throwable e) { // UnsatisfiedLinkError, or LWJGL's own errors when libEGL.so.1 is absent
            throw new GlesException("cannot load libEGL (install Debian's libegl1 and libegl-mesa0): " + e.getMessage());
        }
        String clientExtensions = EGL10.eglQueryString(EGL10.EGL_NO_DISPLAY, EGL_EXTENSIONS);
        List<String> ext = clientExtensions == null ? List.of() : Arrays.asList(clientExtensions.split(" "));
        if (!ext.contains("EGL_EXT_platform_base") || client.eglGetPlatformDisplayEXT == 0) {
            throw new GlesException("EGL has no EGL_EXT_platform_base");
        }
        if (platform == PLATFORM_SURFACELESS_MESA && !ext.contains("EGL_MESA_platform_surfaceless")) {
            throw new GlesException("EGL has no EGL_MESA_platform_surfaceless (Mesa's libegl-mesa0 provides it)");
        }
        if (platform == PLATFORM_GBM_KHR && !ext.contains("EGL_KHR_platform_gbm") && !ext.contains("EGL_MESA_platform_gbm")) {
            throw new GlesException("EGL has no EGL_KHR_platform_gbm (Mesa's libegl-mesa0 provides it)");
        }
        // LWJGL's wrapper refuses a null native display, which this platform requires: call the entry point itself
        long display = JNI.callPPP(platform, nativeDisplay, 0L, client.eglGetPlatformDisplayEXT);
        if (display == EGL10.EGL_NO_DISPLAY) throw new GlesException("eglGetPlatformDisplayEXT failed: " + error());
        int[] major = new int[1], minor = new int[1];
        if (!EGL10.eglInitialize(display, major, minor)) throw new GlesException("eglInitialize failed: " + error());
        try {
            EGLCapabilities caps = EGL.createDisplayCapabilities(display, major[0], minor[0]);
            if (!caps.EGL_KHR_surfaceless_context) throw new GlesException("EGL has no EGL_KHR_surfaceless_context");
            if (!EGL12.eglBindAPI(EGL_OPENGL_ES_API)) throw new GlesException("eglBindAPI(OpenGL ES) failed: " + error());
            long config = chooseConfig(display);
            long context = EGL10.eglCreateContext(display, config, EGL10.EGL_NO_CONTEXT, new int[] {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE});
            if (context == EGL10.EGL_NO_CONTEXT) throw new GlesException("eglCreateContext (OpenGL ES 2) failed: " + error());
            String description = "EGL " + major[0] + "." + minor[0] + " (" + EGL10.eglQueryString(display, EGL_VENDOR) + ")";
            return new EglContext(display, context, caps, description);
        } catch (GlesException | RuntimeException e) {
            EGL10.eglTerminate(display);
            throw e;
        }
    }

    private static long chooseConfig(long display) throws GlesException {
        PointerBuffer configs = PointerBuffer.allocateDirect(1);
        int[] count = new int[1];
        if (!EGL10.eglChooseConfig(display, new int[] {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL10.EGL_SURFACE_TYPE, 0, EGL_NONE}, configs, count) || count[0] < 1) {
            throw new GlesException("no EGL config renders OpenGL ES 2: " + error());
        }
        return configs.get(0);
    }

    /**
     * Makes the context current on the calling thread, which becomes its owner. The first call
     * also loads the GLES functions; later calls from the owner are cheap no-ops, and calls from
     * any other thread fail until the owner {@link #release}s it.
     */
    public GLESCapabilities makeCurrent() throws GlesException {
        if (closed) throw new IllegalStateException("EGL context closed");
        if (owner == Thread.currentThread()) return gles;
        if (owner != null) checkOwner(); // current on another thread: that one is the GL thread
        if (!EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, context)) {
            throw new GlesException("eglMakeCurrent failed: " + error());
        }
        owner = Thread.currentThread();
        if (gles == null) {
            try {
                gles = GLES.createCapabilities();
            } catch (Throwable e) {
                throw new GlesException("cannot load OpenGL ES (install Debian's libgles2): " + e.getMessage());
            }
            if (!gles.GLES20) throw new GlesException("the context does not offer OpenGL ES 2.0");
        } else {
            GLES.setCapabilities(gles);
        }
        return gles;
    }

    /** Releases the context from the calling thread, so another thread may make it current. */
    public void release() {
        if (owner != Thread.currentThread()) return;
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        owner = null;
    }

    /** Throws unless the caller is the thread the context is current on. */
    public void checkOwner() {
        if (owner != Thread.currentThread()) {
            throw new IllegalStateException("GL call on " + Thread.currentThread().getName() + "; the context belongs to "
                    + (owner == null ? "no thread" : owner.getName()));
        }
    }

    public long display() {
        return display;
    }

    /** Whether dma-bufs can be made EGLImages here (EGL_EXT_image_dma_buf_import and EGL_KHR_image_base). */
    public boolean importsDmabufs() {
        return caps.EGL_EXT_image_dma_buf_import && caps.EGL_KHR_image_base && caps.eglCreateImageKHR != 0 && caps.eglDestroyImageKHR != 0;
    }

    /**
     * The format/modifier pairs EGL says it imports (EGL_EXT_image_dma_buf_import_modifiers),
     * among {@code formats}, leaving out those it can sample only as external textures. Without
     * the modifiers extension: LINEAR for each of {@code formats} EGL lists, or all of them if it
     * cannot list formats either (the base extension's implicit layouts are linear for us).
     */
    public List<DmabufSupport.FormatModifier> dmabufFormats(int... formats) {
        List<DmabufSupport.FormatModifier> out = new ArrayList<>();
        if (!importsDmabufs()) return out;
        if (!caps.EGL_EXT_image_dma_buf_import_modifiers || caps.eglQueryDmaBufFormatsEXT == 0 || caps.eglQueryDmaBufModifiersEXT == 0) {
            for (int f : formats) out.add(new DmabufSupport.FormatModifier(f, Drm.MOD_LINEAR));
            return out;
        }
        // LWJGL's wrappers take these entry points from the client's capabilities, which lack
        // display extensions' functions: call the display's own, as for eglGetPlatformDisplayEXT
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            if (JNI.callPPPI(display, 0, 0L, memAddress(count), caps.eglQueryDmaBufFormatsEXT) == 0) return out;
            IntBuffer listed = stack.mallocInt(Math.max(1, count.get(0)));
            if (JNI.callPPPI(display, listed.capacity(), memAddress(listed), memAddress(count), caps.eglQueryDmaBufFormatsEXT) == 0) return out;
            for (int f : formats) {
                boolean found = false;
                for (int i = 0; i < count.get(0); i++) found |= listed.get(i) == f;
                if (!found) continue;
                IntBuffer n = stack.mallocInt(1);
                if (JNI.callPPPPI(display, f, 0, 0L, 0L, memAddress(n), caps.eglQueryDmaBufModifiersEXT) == 0) continue;
                int max = n.get(0);
                LongBuffer modifiers = stack.mallocLong(Math.max(1, max));
                IntBuffer externalOnly = stack.mallocInt(Math.max(1, max));
                if (max > 0 && JNI.callPPPPI(display, f, max, memAddress(modifiers), memAddress(externalOnly), memAddress(n), caps.eglQueryDmaBufModifiersEXT) == 0) continue;
                for (int i = 0; i < Math.min(max, n.get(0)); i++) {
                    if (externalOnly.get(i) != 0) continue; // only for samplerExternalOES, which we do not use
                    out.add(new DmabufSupport.FormatModifier(f, modifiers.get(i)));
                }
                // a driver that lists no modifiers imports the implicit layout, linear for what we take
                if (max == 0) out.add(new DmabufSupport.FormatModifier(f, Drm.MOD_LINEAR));
            }
        }
        return out;
    }

    /**
     * An EGLImage of a dma-buf with up to four planes (fds are not taken: EGL keeps its own
     * reference to the buffer). {@code modifier} is passed when explicit and the driver takes
     * modifiers; Drm.MOD_INVALID leaves the layout to the driver.
     */
    public long importDmabuf(int width, int height, int fourcc, long modifier, int[] fds, long[] offsets, long[] strides) throws GlesException {
        if (!importsDmabufs()) throw new GlesException("EGL cannot import dma-bufs (no EGL_EXT_image_dma_buf_import)");
        boolean withModifier = modifier != Drm.MOD_INVALID && caps.EGL_EXT_image_dma_buf_import_modifiers;
        if (!withModifier && modifier != Drm.MOD_INVALID && modifier != Drm.MOD_LINEAR) {
            throw new GlesException("EGL cannot import modifier 0x" + Long.toHexString(modifier) + " (no EGL_EXT_image_dma_buf_import_modifiers)");
        }
        int[] attributes = new int[7 + fds.length * 10];
        int a = 0;
        attributes[a++] = EGL10.EGL_WIDTH;
        attributes[a++] = width;
        attributes[a++] = EGL10.EGL_HEIGHT;
        attributes[a++] = height;
        attributes[a++] = EXTImageDMABufImport.EGL_LINUX_DRM_FOURCC_EXT;
        attributes[a++] = fourcc;
        for (int i = 0; i < fds.length; i++) {
            int[] names = PLANE_ATTRIBUTES[i];
            attributes[a++] = names[0];
            attributes[a++] = fds[i];
            attributes[a++] = names[1];
            attributes[a++] = (int) offsets[i];
            attributes[a++] = names[2];
            attributes[a++] = (int) strides[i];
            if (withModifier) {
                attributes[a++] = names[3];
                attributes[a++] = (int) modifier;
                attributes[a++] = names[4];
                attributes[a++] = (int) (modifier >>> 32);
            }
        }
        attributes[a] = EGL_NONE;
        long image;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer list = stack.ints(attributes);
            image = JNI.callPPPPP(display, EGL10.EGL_NO_CONTEXT, EXTImageDMABufImport.EGL_LINUX_DMA_BUF_EXT, 0L, memAddress(list), caps.eglCreateImageKHR);
        }
        if (image == KHRImageBase.EGL_NO_IMAGE_KHR) throw new GlesException("eglCreateImageKHR(EGL_LINUX_DMA_BUF_EXT) failed: " + error());
        return image;
    }

    public void destroyImage(long image) {
        JNI.callPPI(display, image, caps.eglDestroyImageKHR);
    }

    public String description() {
        return description;
    }

    static String error() {
        return "EGL error 0x" + Integer.toHexString(EGL10.eglGetError());
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        EGL10.eglDestroyContext(display, context);
        EGL10.eglTerminate(display);
        owner = null;
    }
}
