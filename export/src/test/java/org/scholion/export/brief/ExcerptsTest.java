package org.scholion.export.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void putsTheTextOnOneLine() {
        assertThat(Excerpts.oneLine("  one\r\ntwo\t\tthree\n", 40)).isEqualTo("one two three");
    }

    @Test
    void flattensWhiteSpaceAsTheRegularExpressionDid() {
        long seed = org.scholion.core.text.RandomTexts.seed();
        java.util.Random random = new java.util.Random(seed);
        String[] pieces = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "a", "é", "😀", "x"};
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            assertThat(Excerpts.flatten(text))
                    .as("seed %d, text [%s]", seed, text)
                    .isEqualTo(text.replaceAll("\\s+", " "));
        }
    }

    @Test
    void cutsLongTextToTheLengthInCodePointsEllipsisIncluded() {
        String emoji = "😀".repeat(10);
        assertThat(Excerpts.oneLine(emoji, 10)).isEqualTo(emoji);
        assertThat(Excerpts.oneLine(emoji, 9)).isEqualTo("😀".repeat(8) + "…");
        assertThat(Excerpts.oneLine("abc", 1)).isEqualTo("…");
    }

    @Test
    void quotesForTheTableCutAfterFourHundredCodePoints() {
        assertThat(Excerpts.quoted("a\nb")).isEqualTo("“a b”");
        assertThat(Excerpts.quoted("x".repeat(401))).isEqualTo("“" + "x".repeat(399) + "…”");
        assertThat(Excerpts.quoted("x".repeat(400))).isEqualTo("“" + "x".repeat(400) + "”");
    }

    @Test
    void rejectsALengthBelowOne() {
        assertThatThrownBy(() -> Excerpts.oneLine("a", 0)).hasMessageContaining("codePoints (0)");
    }

    @Test
    void theSectionsEndWithTheTableOnlyWhenThereIsOne() {
        assertThat(Section.inOrder(true))
                .endsWith(Section.TEXT, Section.ANNOTATIONS)
                .startsWith(Section.TITLE);
        assertThat(Section.inOrder(false)).endsWith(Section.TEXT).doesNotContain(Section.ANNOTATIONS);
    }
}
