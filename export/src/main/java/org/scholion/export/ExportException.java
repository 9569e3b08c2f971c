package org.scholion.export;

/** An export that could not be made: the message names the document and what went wrong. */
public class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
