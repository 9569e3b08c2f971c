package org.scholion.core.ingest;

/**
 * Limits of an import.
 *
 * @param maxBytes the largest source file accepted
 * @param maxChars the most characters of text taken from one source
 */
public record ImportOptions(long maxBytes, int maxChars) {
    public static final ImportOptions DEFAULT = new ImportOptions(100L << 20, 64 << 20);

    public ImportOptions {
        if (maxBytes < 1 || maxChars < 1) {
            throw new IllegalArgumentException("import limits must be positive: " + maxBytes + ", " + maxChars);
        }
    }
}
