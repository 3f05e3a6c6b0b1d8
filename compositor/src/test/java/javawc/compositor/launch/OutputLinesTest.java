package javawc.compositor.launch;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OutputLinesTest {
    private final List<String> lines = new ArrayList<>();
    private final OutputLines splitter = new OutputLines(lines::add);

    private void feed(String s) {
        feed(s.getBytes(StandardCharsets.UTF_8));
    }

    private void feed(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length + 8);
        b.put(bytes);
        b.position(3); // the splitter reads from index 0, wherever the position is
        splitter.accept(b, bytes.length);
    }

    @Test
    void linesCutAnywhereComeOutWhole() {
        feed("one\ntw");
        assertEquals(List.of("one"), lines);
        feed("o\n\nthree\r\nfo");
        assertEquals(List.of("one", "two", "", "three"), lines);
        splitter.finish();
        assertEquals(List.of("one", "two", "", "three", "fo"), lines, "the unterminated rest at the end");
        splitter.finish();
        assertEquals(5, lines.size(), "nothing more");
    }

    @Test
    void aCharacterSplitAcrossReadsIsDecodedWhole() {
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        feed(new byte[] {euro[0]});
        feed(new byte[] {euro[1], euro[2], euro[3]});
        assertEquals(List.of("€"), lines);
    }

    @Test
    void anEndlessLineComesInBoundedPieces() {
        feed("x".repeat(OutputLines.MAX_LINE * 2 + 10) + "\n");
        assertEquals(3, lines.size());
        assertEquals(OutputLines.MAX_LINE, lines.get(0).length());
        assertEquals(OutputLines.MAX_LINE, lines.get(1).length());
        assertEquals("x".repeat(10), lines.get(2));
    }
}
