package javawc.compositor.render;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Encodes 0x??RRGGBB pixels as an 8-bit RGB PNG (no AWT needed). */
public final class PngWriter {
    private PngWriter() {}

    public static void write(int[] pixels, int width, int height, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, truecolour, deflate, no filter method, no interlace
        chunk(data, "IHDR", header.toByteArray());

        ByteArrayOutputStream compressed = new ByteArrayOutputStream(width * height);
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            byte[] row = new byte[1 + width * 3];
            for (int y = 0; y < height; y++) {
                row[0] = 0; // filter: none
                for (int x = 0, i = 1; x < width; x++) {
                    int p = pixels[y * width + x];
                    row[i++] = (byte) (p >>> 16);
                    row[i++] = (byte) (p >>> 8);
                    row[i++] = (byte) p;
                }
                z.write(row);
            }
        }
        chunk(data, "IDAT", compressed.toByteArray());
        chunk(data, "IEND", new byte[0]);
        data.flush();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt(body.length);
        out.write(t);
        out.write(body);
        out.writeInt((int) crc.getValue());
    }
}
