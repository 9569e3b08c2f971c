package org.scholion.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.BaseFont;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.text.RandomTexts;

class GlyphsTest {
    private static final String[] AWKWARD = {
        "\u0301", "\uFE0F", "\u200D", "\uD83C\uDFFD", "\u0627\u0644", "\u05E9\u05DC", "\u4E2D", "\u2603", "\u0007"
    };

    /**
     * The pieces of a text are those a walk over every grapheme cluster gives (the way split
     * worked before it skipped the stretches the primary font draws).
     */
    @Test
    void splitGivesThePiecesOfAClusterByClusterWalk() throws Exception {
        Glyphs glyphs = new Glyphs();
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder(RandomTexts.text(random, random.nextInt(40)));
            for (int k = random.nextInt(4); k > 0; k--) {
                b.insert(random.nextInt(b.length() + 1), AWKWARD[random.nextInt(AWKWARD.length)]);
            }
            String text = b.toString();
            BaseFont primary = random.nextBoolean() ? glyphs.serif : glyphs.sansBold;
            List<String> actual = new ArrayList<>();
            int replaced = glyphs.split(text, primary, (piece, source) -> actual.add(source + ":" + piece));
            List<String> expected = new ArrayList<>();
            int expectedReplaced =
                    clusterByCluster(text, primary, (piece, source) -> expected.add(source + ":" + piece));
            assertThat(actual)
                    .as(
                            "seed %d, text %s",
                            seed,
                            text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(expected);
            assertThat(replaced).as("seed %d", seed).isEqualTo(expectedReplaced);
            assertThat(glyphs.split(text, primary, null)).isEqualTo(expectedReplaced);
        }
    }

    /**
     * Long texts too, where split looks at a window around each missing character: stretches with
     * no two ASCII characters in a row (CJK, runs of flags, stacked marks) longer than its reach,
     * missing characters on both sides of a window's end.
     */
    @Test
    void splitOfALongTextGivesThePiecesOfAClusterByClusterWalk() throws Exception {
        Glyphs glyphs = new Glyphs();
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        String[] stretches = {"\u4E2D\u6587", "\uD83C\uDDFA\uD83C\uDDE6", "e\u0301\u0302", "\uD83D\uDC4D\uD83C\uDFFD"};
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder();
            while (b.length() < 9_000) {
                if (random.nextInt(3) == 0) {
                    b.append(stretches[random.nextInt(stretches.length)].repeat(1 + random.nextInt(300)));
                } else {
                    b.append(RandomTexts.text(random, random.nextInt(2_000)));
                }
                if (random.nextBoolean()) {
                    b.append(AWKWARD[random.nextInt(AWKWARD.length)]);
                }
            }
            String text = b.toString();
            List<String> actual = new ArrayList<>();
            int replaced = glyphs.split(text, glyphs.serif, (piece, source) -> actual.add(source + ":" + piece));
            List<String> expected = new ArrayList<>();
            int expectedReplaced =
                    clusterByCluster(text, glyphs.serif, (piece, source) -> expected.add(source + ":" + piece));
            int k = 0;
            while (k < Math.min(actual.size(), expected.size()) && actual.get(k).equals(expected.get(k))) {
                k++;
            }
            assertThat(actual.subList(k, Math.min(k + 2, actual.size())))
                    .as("seed %d, text %d, piece %d after %s", seed, i, k, k > 0 ? codePoints(expected.get(k - 1)) : "")
                    .isEqualTo(expected.subList(k, Math.min(k + 2, expected.size())));
            assertThat(replaced).as("seed %d, text %d", seed, i).isEqualTo(expectedReplaced);
        }
    }

    @Test
    void aCharacterNoFontHasIsReplacedVisiblyAndCounted() throws Exception {
        Glyphs glyphs = new Glyphs();
        List<String> pieces = new ArrayList<>();
        int replaced = glyphs.split(
                "Kyiv \uD83C\uDDFA\uD83C\uDDE6 and \u4E2D.", glyphs.serif, (p, s) -> pieces.add(s + ":" + p));
        assertThat(pieces.get(0)).isEqualTo("PRIMARY:Kyiv ");
        assertThat(String.join("", pieces)).contains("REPLACED:" + Glyphs.REPLACEMENT);
        assertThat(pieces.get(pieces.size() - 1)).endsWith(".");
        assertThat(replaced).isGreaterThanOrEqualTo(2);
    }

    /** The reference: every cluster classified on its own, runs of one source joined. */
    private static int clusterByCluster(String text, BaseFont primary, Glyphs.Sink sink) {
        String clean = Glyphs.clean(text);
        BaseFont fallback = Glyphs.fallback();
        int replaced = 0;
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(clean);
        StringBuilder run = new StringBuilder();
        Glyphs.Source runSource = null;
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            String cluster = clean.substring(start, end);
            Glyphs.Source source;
            String drawn = cluster;
            if (covers(primary, cluster)) {
                source = Glyphs.Source.PRIMARY;
            } else if (fallback != null && covers(fallback, cluster)) {
                source = Glyphs.Source.FALLBACK;
            } else {
                StringBuilder visible = new StringBuilder();
                cluster.codePoints()
                        .filter(c -> !(Character.getType(c) == Character.FORMAT
                                || (c >= 0xFE00 && c <= 0xFE0F)
                                || (c >= 0xE0100 && c <= 0xE01EF)
                                || (c >= 0x1F3FB && c <= 0x1F3FF)))
                        .forEach(visible::appendCodePoint);
                drawn = visible.toString();
                if (drawn.isEmpty()) {
                    continue;
                } else if (covers(primary, drawn)) {
                    source = Glyphs.Source.PRIMARY;
                } else if (fallback != null && covers(fallback, drawn)) {
                    source = Glyphs.Source.FALLBACK;
                } else {
                    source = Glyphs.Source.REPLACED;
                    drawn = Glyphs.REPLACEMENT;
                    replaced++;
                }
            }
            if (source != runSource && run.length() > 0) {
                sink.piece(run.toString(), runSource);
                run.setLength(0);
            }
            runSource = source;
            run.append(drawn);
        }
        if (run.length() > 0) {
            sink.piece(run.toString(), runSource);
        }
        return replaced;
    }

    private static List<String> codePoints(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList();
    }

    private static boolean covers(BaseFont font, String text) {
        return text.codePoints().allMatch(c -> font.charExists(c) || c == ' ' || c == '\n');
    }
}
