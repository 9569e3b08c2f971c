package org.scholion.export;

/**
 * How CSV is written.
 *
 * @param raw   cells without the formula-injection guard, for lossless machine use
 * @param excel a byte-order mark first, so that Excel reads the file as UTF-8
 */
public record CsvOptions(boolean raw, boolean excel) {

    /** Guarded cells, no byte-order mark. */
    public static final CsvOptions DEFAULT = new CsvOptions(false, false);
}
