package javawc.compositor.backend;

import javawc.compositor.output.Output;
import javawc.os.OsException;

/**
 * The outputs' gamma tables, where the display hardware has them (a DRM CRTC's gamma LUT; the
 * headless backend has none). One ramp each for red, green and blue, of {@link #size} 16-bit
 * entries; the table found at start is put back by {@link #reset}.
 */
public interface GammaTables {
    /** Entries per ramp of {@code output}'s table; 0: it has none. */
    int size(Output output);

    /** Sets {@code output}'s table: red, green then blue, {@link #size} entries each. */
    void set(Output output, short[] ramps) throws OsException;

    /** Puts back the table {@code output} had before the first {@link #set}; nothing if never set. */
    void reset(Output output) throws OsException;
}
