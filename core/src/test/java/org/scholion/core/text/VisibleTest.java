package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scholion.core.ScholionException;

class VisibleTest {
    @Test
    void escapesControlCharactersAndLineBreaksOnOneLine() {
        assertThat(Visible.escaped("a\nb\rc\td\u0000e\u001B[31mf\u007Fg\u0085h"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001B[31mf\\u007Fg\\u0085h");
        assertThat(Visible.escaped("one\u2028two\u2029three")).isEqualTo("one\\u2028two\\u2029three");
    }

    @Test
    void escapesBidiEmbeddingsOverridesAndIsolates() {
        assertThat(Visible.escaped("file\u202Etxt.exe")).isEqualTo("file\\u202Etxt.exe");
        for (char c :
                new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertThat(Visible.escaped("a" + c + "b")).isEqualTo(String.format("a\\u%04Xb", (int) c));
        }
        // marks that only hint at a direction, and right-to-left letters, are text
        assertThat(Visible.escaped("\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627"))
                .isEqualTo("\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627");
    }

    @Test
    void escapesLoneSurrogatesButKeepsPairs() {
        assertThat(Visible.escaped("a\uD800b")).isEqualTo("a\\uD800b");
        assertThat(Visible.escaped("a\uDC00b")).isEqualTo("a\\uDC00b");
        assertThat(Visible.escaped("end\uD83D")).isEqualTo("end\\uD83D");
        assertThat(Visible.escaped("\uDE00start")).isEqualTo("\\uDE00start");
        assertThat(Visible.escaped("emoji \uD83D\uDE00 e\u0301")).isEqualTo("emoji \uD83D\uDE00 e\u0301");
    }

    @Test
    void returnsTheSameStringWhenNothingIsHidden() {
        String plain = "nothing to see";
        assertThat(Visible.escaped(plain)).isSameAs(plain);
        assertThat(Visible.pictured(plain, false)).isSameAs(plain);
        assertThat(Visible.escaped(null)).isNull();
    }

    @Test
    void picturesOneSymbolPerHiddenCharacter() {
        assertThat(Visible.pictured("a\u001B[31mb\u0000c\u009Bd\te\u007Ff", false))
                .isEqualTo("a\u241B[31mb\u2400c\uFFFDd\u2409e\u2421f");
        assertThat(Visible.pictured("a\u202Eb\u2066c\u2028d\uD800e", false)).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(Visible.pictured("a\r\nb\tc\u001B", true)).isEqualTo("a\r\nb\tc\u241B");
        assertThat(Visible.pictured("a\r\nb", false)).isEqualTo("a\u240D\u240Ab");
        assertThat(Visible.pictured("\uD83D\uDE00", false)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void messagesOfScholionExceptionFollowTheRule() {
        ScholionException e = new ScholionException("evil\u202Egnp.txt", 3, 4, "bad\nvalue \u2067x\u2069", null);
        assertThat(e.getMessage()).isEqualTo("evil\\u202Egnp.txt:3:4: bad\\nvalue \\u2067x\\u2069");
        assertThat(e.problem()).isEqualTo("bad\\nvalue \\u2067x\\u2069");
    }
}
