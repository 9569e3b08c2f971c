package org.scholion.export.interchange;

import java.util.Objects;

/**
 * One thing a conversion could not carry, or carried only changed.
 *
 * @param format   the format being read or written ({@code brat}, {@code conll}, ...)
 * @param source   the file (or document id) it concerns
 * @param line     the 1-based line in {@code source}, or 0 when there is none
 * @param kind     what was lost, a short plural noun phrase, printed before its count: {@code nested spans not written}
 * @param detail   the one item: which span, which line, why
 */
public record Loss(String format, String source, int line, String kind, String detail) {
    public Loss {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (line < 0) {
            throw new IllegalArgumentException("line (" + line + ") must not be negative");
        }
    }

    /** {@code source:line: detail}, or {@code source: detail} without a line. */
    public String where() {
        return line > 0 ? source + ":" + line : source;
    }
}
