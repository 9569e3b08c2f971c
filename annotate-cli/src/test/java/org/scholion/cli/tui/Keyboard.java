package org.scholion.cli.tui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A JLine terminal of a given type fed through a pipe, decoded by the annotator's {@link KeyReader}. */
final class Keyboard implements AutoCloseable {
    private final PipedOutputStream in = new PipedOutputStream();
    private final Terminal terminal;
    private final KeyReader reader;

    Keyboard(String type) throws IOException {
        PipedInputStream pipe = new PipedInputStream(in, 4096);
        terminal = TerminalBuilder.builder()
                .streams(pipe, new ByteArrayOutputStream())
                .type(type)
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        terminal.enterRawMode();
        reader = new KeyReader(terminal);
    }

    Terminal terminal() {
        return terminal;
    }

    /** The keys the bytes of {@code typed} (UTF-8) decode to. */
    List<Key> decode(String typed) throws IOException {
        in.write(typed.getBytes(StandardCharsets.UTF_8));
        in.flush();
        List<Key> keys = new ArrayList<>();
        for (Key key = reader.read(500); key != null; key = reader.read(60)) {
            keys.add(key);
        }
        return keys;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
