package org.scholion.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {
    private static final Pattern RELATION_TYPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}");

    private static final int[] ALPHABET = {
        'a', 'Z', '0', '9', '_', '.', ':', '-', '/', ' ', '#', '\t', 'é', 'ß', '\u0301', '\u20DD', '\u0903', 'Ⅻ', '½',
        '٣', 'ʰ', 'ǅ', '中', '\u200D', '\uFE0F', 0x1F600, 0x1D400, 0x10400, 0x1D7CE, 0x0000, 0x007F, 0xFFFD
    };

    @Test
    void hand_written_id_check_agrees_with_the_documented_pattern() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            String value = randomText(random, i % 50 == 0 ? 195 + random.nextInt(10) : random.nextInt(6));
            assertThat(Checks.isId(value))
                    .as("seed %d, id '%s'", seed, value)
                    .isEqualTo(Checks.ID.matcher(value).matches());
        }
    }

    @Test
    void hand_written_relation_type_check_agrees_with_the_documented_pattern() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            String value = randomText(random, i % 50 == 0 ? 95 + random.nextInt(10) : random.nextInt(6));
            assertThat(Checks.isRelationType(value))
                    .as("seed %d, type '%s'", seed, value)
                    .isEqualTo(RELATION_TYPE.matcher(value).matches());
        }
    }

    /** The quick check of a name lets through exactly what the checks with messages let through. */
    @Test
    void name_check_fails_exactly_when_a_message_check_does() {
        long seed = Long.getLong("test.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 100_000; i++) {
            String value = randomText(random, i % 50 == 0 ? 195 + random.nextInt(10) : random.nextInt(6));
            boolean valid = !value.isBlank()
                    && value.strip().equals(value)
                    && value.chars().noneMatch(Character::isISOControl)
                    && value.length() <= 200;
            if (valid) {
                assertThat(Checks.name(value, "label", "of s1"))
                        .as("seed %d", seed)
                        .isEqualTo(value);
            } else {
                assertThatThrownBy(() -> Checks.name(value, "label of", "s1"))
                        .as("seed %d, name '%s'", seed, value)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("label of s1 ");
            }
        }
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < length; j++) {
            b.appendCodePoint(
                    random.nextInt(8) == 0 ? random.nextInt(0x3000) : ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
