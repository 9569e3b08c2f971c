package org.scholion.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scholion.core.text.RandomTexts;

/** Canonical times are read without a formatter: they must agree with the slow way. */
class InstantParserTest {
    @Test
    void canonicalTimesReadAsInstantParseReadsThem() {
        long seed = RandomTexts.seed();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            // years 1000 to 9999, the four-digit years of the fast path
            long second = -30_610_224_000L + Math.floorMod(random.nextLong(), 253_402_300_800L + 30_610_224_000L);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String written = Instant.ofEpochSecond(second, nanos).toString();
            assertThat(InstantParser.canonical(written))
                    .as("seed %d: %s", seed, written)
                    .isNotNull()
                    .isEqualTo(slow(written));
        }
    }

    @Test
    void timesOutsideTheCanonicalFormAreLeftToInstantParse() {
        for (String odd : List.of(
                "2026-02-29T10:00:00Z",
                "2024-02-29T10:00:00Z",
                "2026-04-31T10:00:00Z",
                "2026-11-24T24:00:00Z",
                "2026-11-24T23:59:60Z",
                "2026-11-24T10:00:00.Z",
                "2026-11-24t10:00:00z",
                "2026-11-24T10:00:00+01:00",
                "2026-13-01T10:00:00Z",
                "2026-00-10T10:00:00Z",
                "0999-11-24T10:00:00Z",
                "+12026-11-24T10:00:00Z",
                "2026-11-24T10:00:00.1234567891Z",
                "2026-11-24T1a:00:00Z",
                "yesterday")) {
            Instant fast = InstantParser.canonical(odd);
            if (fast != null) {
                assertThat(fast).as(odd).isEqualTo(slow(odd));
            }
        }
        assertThat(InstantParser.canonical("2024-02-29T10:00:00Z")).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(InstantParser.canonical("2026-02-29T10:00:00Z")).isNull();
        assertThat(InstantParser.canonical("2026-11-24T23:59:60Z")).isNull();
    }

    private static Instant slow(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void otherFormsAreParsedAndBadOnesNamed() {
        assertThat(InstantParser.parse("2026-11-24T10:00:00+01:00", "created"))
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(InstantParser.parse("2024-02-29T10:00:00.5Z", "created"))
                .isEqualTo(Instant.parse("2024-02-29T10:00:00.500Z"));
        assertThatThrownBy(() -> InstantParser.parse("yesterday", "created"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("created 'yesterday' is not an ISO-8601 UTC time such as 2026-11-24T10:00:00Z");
    }
}
