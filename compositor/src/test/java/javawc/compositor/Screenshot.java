package javawc.compositor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Takes a screenshot from a running compositor (SIGUSR1) and reads its pixels. */
final class Screenshot {
    final BufferedImage image;

    private Screenshot(BufferedImage image) {
        this.image = image;
    }

    static Screenshot take(CompositorProcess c, Path file) throws Exception {
        Files.deleteIfExists(file);
        new ProcessBuilder("kill", "-USR1", Long.toString(c.process.pid())).start().waitFor();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(file)) {
            if (System.currentTimeMillis() > deadline) throw new IOException("no screenshot after SIGUSR1: " + c.stderr());
            Thread.sleep(20);
        }
        return new Screenshot(ImageIO.read(file.toFile()));
    }

    /**
     * One screenshot per output, in the order named: with several outputs --screenshot FILE
     * writes FILE's name with -NAME added for each, one after another on one thread.
     */
    static java.util.List<Screenshot> takeEach(CompositorProcess c, Path file, String... outputs) throws Exception {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (String name : outputs) {
            Path f = javawc.compositor.render.Screenshots.fileFor(file, name);
            Files.deleteIfExists(f);
            files.add(f);
        }
        new ProcessBuilder("kill", "-USR1", Long.toString(c.process.pid())).start().waitFor();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!files.stream().allMatch(Files::exists)) {
            if (System.currentTimeMillis() > deadline) throw new IOException("no screenshots " + files + " after SIGUSR1: " + c.stderr());
            Thread.sleep(20);
        }
        java.util.List<Screenshot> shots = new java.util.ArrayList<>();
        for (Path f : files) shots.add(new Screenshot(ImageIO.read(f.toFile())));
        return shots;
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    int rgb(int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    /** How many pixels of the rectangle differ from {@code rgb}. */
    int countNot(int x, int y, int w, int h, int rgb) {
        int n = 0;
        for (int j = y; j < y + h; j++) for (int i = x; i < x + w; i++) if (rgb(i, j) != rgb) n++;
        return n;
    }
}
