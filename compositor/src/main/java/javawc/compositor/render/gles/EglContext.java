package javawc.compositor.render.gles;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL12;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.opengles.GLES;
import org.lwjgl.opengles.GLESCapabilities;
import org.lwjgl.system.JNI;

import java.util.Arrays;
import java.util.List;

/**
 * An EGL display and an OpenGL ES 2 context with no window surface: the renderer draws into
 * framebuffer objects it creates. Headless, the display is Mesa's surfaceless platform (no
 * GPU or windowing system needed; llvmpipe renders on the CPU). A later KMS step opens the
 * display on a GBM device instead ({@link #open(int, long)} with that platform and device).
 *
 * <p>The context is current on one thread at a time: {@link #makeCurrent()} binds it to the
 * calling thread, which from then on is the only one allowed to issue GL calls.
 */
public final class EglContext implements AutoCloseable {
    /** EGL_PLATFORM_SURFACELESS_MESA, from EGL_MESA_platform_surfaceless. */
    public static final int PLATFORM_SURFACELESS_MESA = 0x31DD;

    private static final int EGL_OPENGL_ES_API = 0x30A0, EGL_OPENGL_ES2_BIT = 0x0004, EGL_RENDERABLE_TYPE = 0x3040,
            EGL_CONTEXT_CLIENT_VERSION = 0x3098, EGL_NONE = 0x3038, EGL_EXTENSIONS = 0x3055, EGL_VENDOR = 0x3053;

    private static final String MEMORY_BACKEND = "org.lwjgl.system.memoryBackend";

    private final long display, context;
    private final String description;
    private GLESCapabilities gles;
    private Thread owner;
    private boolean closed;

    private EglContext(long display, long context, String description) {
        this.display = display;
        this.context = context;
        this.description = description;
    }

    /** The surfaceless platform (headless). */
    public static EglContext surfaceless() throws GlesException {
        return open(PLATFORM_SURFACELESS_MESA, 0);
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
            return new EglContext(display, context, description);
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
