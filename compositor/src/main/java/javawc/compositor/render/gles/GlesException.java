package javawc.compositor.render.gles;

/** EGL or OpenGL ES cannot be used (missing library, extension or capability), or a GL object could not be made; the message says which. */
public final class GlesException extends Exception {
    public GlesException(String message) {
        super(message);
    }
}
