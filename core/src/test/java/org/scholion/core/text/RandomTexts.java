package org.scholion.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scholion.core.model.Span;

/** Seeded random texts with emoji, combining marks, CRLF and other awkward pieces, and random spans over them. */
public final class RandomTexts {
    private static final String[] PIECES = {
        "a",
        "b",
        "Z",
        " ",
        " ",
        "\n",
        "\r\n",
        "\r",
        "é",
        "e\u0301",
        "ß",
        "😀",
        "👩‍💻",
        "🇫🇷",
        "𝔘",
        "中",
        "文",
        "ا",
        "ש",
        "Ω",
        "Ж",
        "\t",
        ",",
        "\"",
        "'",
        "<",
        "&",
        "\u200b",
        "\u00a0",
        "x\u0308\u0301"
    };

    private RandomTexts() {}

    /** A random seed, or the one given with {@code -Dtest.seed=N} to replay a failure. */
    public static long seed() {
        return Long.getLong("test.seed", new Random().nextLong());
    }

    public static String text(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    public static List<Span> spans(Random random, int length, int count, List<String> labels) {
        List<Span> spans = new ArrayList<>();
        if (length == 0) {
            return spans;
        }
        for (int i = 0; i < count; i++) {
            int start = random.nextInt(length);
            int end = start + 1 + random.nextInt(Math.min(length - start, 1 + random.nextInt(12)));
            spans.add(Span.of("s" + (i + 1), start, end, labels.get(random.nextInt(labels.size()))));
        }
        return spans;
    }
}
