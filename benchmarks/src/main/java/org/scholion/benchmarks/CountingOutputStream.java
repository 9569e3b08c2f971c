package org.scholion.benchmarks;

import java.io.OutputStream;

/** Discards what is written and counts the bytes, so a benchmark measures the exporter, not a disk. */
final class CountingOutputStream extends OutputStream {
    private long count;

    long count() {
        return count;
    }

    void reset() {
        count = 0;
    }

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }
}
