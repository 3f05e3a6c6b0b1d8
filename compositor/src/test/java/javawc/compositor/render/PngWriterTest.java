package javawc.compositor.render;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Our PNG encoder, decoded by the JDK's reader. */
class PngWriterTest {
    @Test
    void pixelsSurviveARoundTrip() throws Exception {
        int w = 37, h = 11;
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) px[i] = 0xff000000 | (int) (i * 2654435761L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(px, w, h, out);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            assertEquals(px[y * w + x] & 0xffffff, img.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
        }
    }
}
