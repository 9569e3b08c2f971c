package org.scholion.core;

import java.util.Objects;
import org.scholion.core.text.Visible;

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
        // a hostile value quoted in a message must stay on one line and cannot drive a terminal
        super(
                format(
                        Visible.escaped(source),
                        line,
                        column,
                        Visible.escaped(Objects.requireNonNull(problem, "problem"))),
                cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = Visible.escaped(problem);
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
