package org.scholion.core;

import java.util.Objects;

/**
 * A failure to read, import or write Scholion data: the message names the source, the position
 * (when there is one) and what is wrong, in one line fit for an end user.
 */
public class ScholionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public ScholionException(String source, String problem) {
        this(source, 0, 0, problem, null);
    }

    public ScholionException(String source, String problem, Throwable cause) {
        this(source, 0, 0, problem, cause);
    }

    public ScholionException(String source, int line, int column, String problem, Throwable cause) {
        super(format(visible(source), line, column, visible(Objects.requireNonNull(problem, "problem"))), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = visible(problem);
    }

    /**
     * The text with control, line-separator and bidi-override characters written as escapes, so
     * that a hostile value quoted in a message stays on one line and cannot drive a terminal.
     */
    static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= text.length()
                    || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            boolean hidden = Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || lone;
            if (hidden && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (!hidden) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (c == '\t') {
                    b.append("\\t");
                } else {
                    b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            b.append(source);
            if (line > 0) {
                b.append(':').append(line);
                if (column > 0) {
                    b.append(':').append(column);
                }
            }
            b.append(": ");
        }
        return b.append(problem).toString();
    }

    /** The file or resource the problem is in; may be null. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when there is none. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, or 0 when there is none. */
    public int column() {
        return column;
    }

    /** What is wrong, without the source and position. */
    public String problem() {
        return problem;
    }
}
