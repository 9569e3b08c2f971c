package org.scholion.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantFormatterTest {

    @Test
    void writesWhatIsoInstantWrites() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        InstantFormatter formatter = new InstantFormatter();
        long max = Instant.MAX.getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = switch (i % 4) {
                case 0 -> random.nextLong(-max, max);
                case 1 -> random.nextLong(-62_167_219_200L - 86_400 * 3, -62_167_219_200L + 86_400 * 3);
                case 2 -> random.nextLong(253_402_300_799L - 86_400 * 3, 253_402_300_799L + 86_400 * 3);
                default -> 1_795_000_000L + random.nextInt(86_400 * 3);
            };
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(formatter.format(instant))
                    .as("seed %d, %s", seed, instant)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    @Test
    void edgesOfTheFourDigitYears() {
        InstantFormatter formatter = new InstantFormatter();
        for (String text : new String[] {
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "2026-11-24T10:00:00.120Z"
        }) {
            assertThat(formatter.format(Instant.parse(text))).isEqualTo(text.replace(".5Z", ".500Z"));
        }
        assertThat(formatter.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(formatter.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }
}
