package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CodePointTextTest {

    @Test
    void asciiTextMapsOffsetsOneToOne() {
        CodePointText text = CodePointText.of("plain text");
        assertThat(text.length()).isEqualTo(10);
        assertThat(text.hasSupplementaryCharacters()).isFalse();
        assertThat(text.toCharIndex(6)).isEqualTo(6);
        assertThat(text.toCodePointIndex(6)).isEqualTo(6);
        assertThat(text.slice(6, 10)).isEqualTo("text");
    }

    @Test
    void emojiCountsAsOneCodePoint() {
        CodePointText text = CodePointText.of("a😀b𝔘c");
        assertThat(text.length()).isEqualTo(5);
        assertThat(text.slice(1, 2)).isEqualTo("😀");
        assertThat(text.slice(2, 3)).isEqualTo("b");
        assertThat(text.slice(3, 4)).isEqualTo("𝔘");
        assertThat(text.toCharIndex(2)).isEqualTo(3);
        assertThat(text.toCharIndex(5)).isEqualTo(7);
        assertThat(text.toCodePointIndex(6)).isEqualTo(4);
        assertThat(text.codePointAt(3)).isEqualTo("𝔘".codePointAt(0));
    }

    @Test
    void refusesCharIndexInsideSurrogatePair() {
        CodePointText text = CodePointText.of("a😀b");
        assertThatThrownBy(() -> text.toCodePointIndex(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("char index 2 falls inside a surrogate pair");
    }

    @Test
    void refusesOffsetsOutsideTheText() {
        CodePointText text = CodePointText.of("a😀b");
        assertThatThrownBy(() -> text.slice(2, 4)).hasMessage("range 2:4 is outside the text (0 to 3)");
        assertThatThrownBy(() -> text.toCharIndex(-1)).hasMessage("offset -1 is outside the text (0 to 3)");
    }

    @Test
    void combiningMarkIsNotAGraphemeBoundary() {
        CodePointText text = CodePointText.of("cafe\u0301 ok");
        assertThat(text.length()).isEqualTo(8);
        assertThat(text.isGraphemeBoundary(4)).isFalse();
        assertThat(text.isGraphemeBoundary(5)).isTrue();
        assertThat(text.isGraphemeBoundary(0)).isTrue();
    }

    @Test
    void emojiSequencesAreNotCutEither() {
        CodePointText family = CodePointText.of("a👩‍💻b");
        assertThat(family.isGraphemeBoundary(2)).isFalse();
        assertThat(family.isGraphemeBoundary(3)).isFalse();
        assertThat(family.isGraphemeBoundary(1)).isTrue();
        assertThat(family.isGraphemeBoundary(4)).isTrue();
        CodePointText flags = CodePointText.of("🇫🇷🇩🇪");
        assertThat(flags.isGraphemeBoundary(1)).isFalse();
        assertThat(flags.isGraphemeBoundary(2)).isTrue();
        assertThat(flags.isGraphemeBoundary(3)).isFalse();
        assertThat(CodePointText.of("👍🏽!").isGraphemeBoundary(1)).isFalse();
        assertThat(CodePointText.of("❤️!").isGraphemeBoundary(1)).isFalse();
    }

    @Test
    void agreesWithTheJdkOnRandomTexts() {
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            String s = RandomTexts.text(random, random.nextInt(60));
            CodePointText text = CodePointText.of(s);
            assertThat(text.length()).as("seed %d, text %s", seed, s).isEqualTo(s.codePointCount(0, s.length()));
            for (int cp = 0; cp <= text.length(); cp++) {
                int expected = s.offsetByCodePoints(0, cp);
                assertThat(text.toCharIndex(cp))
                        .as("seed %d, cp %d of %s", seed, cp, s)
                        .isEqualTo(expected);
                assertThat(text.toCodePointIndex(expected)).as("seed %d", seed).isEqualTo(cp);
            }
        }
    }
}
