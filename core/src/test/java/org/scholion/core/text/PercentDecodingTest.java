package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PercentDecodingTest {
    private static final String RAW_ZOE =
            new String("Zo\u00eb".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    @Test
    void escapesAreUtf8InBothModes() {
        for (PercentDecoding mode : PercentDecoding.values()) {
            assertThat(mode.decode("a%20b")).isEqualTo("a b");
            assertThat(mode.decode("%C3%A9t%C3%A9")).isEqualTo("\u00e9t\u00e9");
            assertThat(mode.decode("%F0%9F%98%80")).isEqualTo("\uD83D\uDE00");
            assertThat(mode.decode("plain")).isEqualTo("plain");
        }
    }

    @Test
    void brokenEscapesAndBytesThatAreNotUtf8AreRefusedInBothModes() {
        for (PercentDecoding mode : PercentDecoding.values()) {
            assertThat(mode.decode("%")).isNull();
            assertThat(mode.decode("%4")).isNull();
            assertThat(mode.decode("%zz")).isNull();
            assertThat(mode.decode("%C3")).isNull();
            assertThat(mode.decode("%FF")).isNull();
        }
    }

    @Test
    void charactersAreThemselvesOrOneByteEach() {
        assertThat(PercentDecoding.CHARACTERS.decode("Zo\u00eb %F0%9F%98%80 \uD83D\uDE00"))
                .isEqualTo("Zo\u00eb \uD83D\uDE00 \uD83D\uDE00");
        assertThat(PercentDecoding.CHARACTERS.decode(RAW_ZOE)).isEqualTo(RAW_ZOE);

        assertThat(PercentDecoding.BYTES.decode(RAW_ZOE)).isEqualTo("Zo\u00eb");
        assertThat(PercentDecoding.BYTES.decode(RAW_ZOE + "%20!")).isEqualTo("Zo\u00eb !");
        assertThat(PercentDecoding.BYTES.decode("Zo\u00eb"))
                .as("one byte 0xEB is not UTF-8")
                .isNull();
        assertThat(PercentDecoding.BYTES.decode("\u4e2d"))
                .as("no request line holds it")
                .isNull();
    }
}
