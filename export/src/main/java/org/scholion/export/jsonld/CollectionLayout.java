package org.scholion.export.jsonld;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * Jackson pretty printer for the layout of FORMATS.md: two-space indents, {@code "key": value},
 * LF line ends whatever the platform, and small objects (creator, bodies, selectors) on one
 * line when the writer asks for it with {@link #inlineNext()}. Stateful: one per generator.
 */
final class CollectionLayout implements PrettyPrinter {
    private static final int MAX_DEPTH = 64;

    // Raw strings go out as ready-made UTF-8 bytes: Jackson's writeRaw(char[]) encodes char by char.
    private static final SerializedString[] LINES = new SerializedString[MAX_DEPTH + 1];
    private static final SerializedString[] COMMA_LINES = new SerializedString[MAX_DEPTH + 1];
    private static final SerializedString COLON = new SerializedString(": ");
    private static final SerializedString COMMA = new SerializedString(", ");

    static {
        for (int depth = 0; depth <= MAX_DEPTH; depth++) {
            String line = "\n" + " ".repeat(2 * depth);
            LINES[depth] = new SerializedString(line);
            COMMA_LINES[depth] = new SerializedString("," + line);
        }
    }

    private final boolean[] inline = new boolean[MAX_DEPTH];
    private int depth;
    private boolean inlineNext;

    /** Writes the next object or array, and everything in it, on one line. */
    void inlineNext() {
        inlineNext = true;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        open(g, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        lineOrNothing(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(COLON);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        open(g, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        lineOrNothing(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, ']', values);
    }

    private void open(JsonGenerator g, char bracket) throws IOException {
        if (depth == MAX_DEPTH) {
            throw new IOException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        inline[depth] = inlineNext || (depth > 0 && inline[depth - 1]);
        inlineNext = false;
        depth++;
        g.writeRaw(bracket);
    }

    private void close(JsonGenerator g, char bracket, int entries) throws IOException {
        depth--;
        if (!inline[depth] && entries > 0) {
            g.writeRaw(LINES[depth]);
        }
        g.writeRaw(bracket);
    }

    private void lineOrNothing(JsonGenerator g) throws IOException {
        if (!inline[depth - 1]) {
            g.writeRaw(LINES[depth]);
        }
    }

    private void separator(JsonGenerator g) throws IOException {
        g.writeRaw(inline[depth - 1] ? COMMA : COMMA_LINES[depth]);
    }
}
