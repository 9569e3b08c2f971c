package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.Document;

class Sha256Test {
    @Test
    void theTextHashMatchesTheWholeEncodingAcrossChunkBoundaries() throws Exception {
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        for (String text : List.of(
                "",
                "a",
                "😀".repeat(20_000),
                "a" + "😀".repeat(20_000),
                "é".repeat(16_383) + "😀",
                RandomTexts.text(random, 30_000))) {
            assertThat(Sha256.hex(text))
                    .as("seed %d, %d chars", seed, text.length())
                    .isEqualTo(oracle(text));
        }
    }

    @Test
    void loneSurrogatesHashAsGetBytesEncodesThem() throws Exception {
        for (String text : List.of(
                "\uD800",
                "a\uDC00b",
                "x".repeat(16_383) + "\uD83D",
                "x".repeat(16_383) + "\uD83Dy",
                "\uDE00" + "😀".repeat(10_000) + "\uD800")) {
            assertThat(Sha256.hex(text)).as("%d chars", text.length()).isEqualTo(oracle(text));
        }
    }

    @Test
    void knownDigests() {
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HexFormat.of().formatHex(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Document.of("d", "abc").sha256()).isEqualTo(Sha256.hex("abc"));
    }

    private static String oracle(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
