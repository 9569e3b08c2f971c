package org.scholion.export.conll;

import java.util.Locale;

/** How a span's tokens are tagged in a token-per-line file. */
public enum Scheme {
    /** {@code B-} only where a span follows a span of the same label directly, else {@code I-} (CoNLL-2003's own files). */
    IOB1,
    /** {@code B-} on the first token of every span, {@code I-} on the others. */
    IOB2,
    /** {@code S-} on a one-token span; else {@code B-}, {@code I-} and {@code E-} on the last token. */
    BIOES;

    /** The scheme of this name, any case ({@code iob2}, {@code BIOES}). */
    public static Scheme fromName(String name) {
        for (Scheme scheme : values()) {
            if (scheme.name().equalsIgnoreCase(name.strip())) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + name + "' (expected iob1, iob2 or bioes)");
    }

    /** The name as users type it: {@code iob2}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
