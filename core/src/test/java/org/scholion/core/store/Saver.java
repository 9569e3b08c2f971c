package org.scholion.core.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.scholion.core.model.Fixtures;
import org.scholion.core.model.Span;

/**
 * A separate process that saves one span after another into an annotation file until it is
 * killed, printing each span's note only after its save has returned: what it printed must
 * survive a kill.
 */
public final class Saver {
    private Saver() {}

    public static void main(String[] args) throws Exception {
        AnnotationFile file = AnnotationFile.at(Path.of(args[0]));
        String who = args[1];
        boolean remove = args.length > 2 && args[2].equals("add-remove");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int i = 0; ; i++) {
            String note = who + "-" + i;
            if (remove && i % 3 == 2) {
                String gone = who + "-" + (i - 1);
                file.update(
                        "rm",
                        doc -> doc.withoutSpans(doc.spans().stream()
                                .filter(s -> gone.equals(s.note()))
                                .map(Span::id)
                                .toList()));
                out.println("-" + gone);
            } else {
                file.update("add", doc -> doc.withSpan(Fixtures.free(doc, "PERSON", note, who)));
                out.println("+" + note);
            }
        }
    }
}
