package org.scholion.cli.tui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.store.AnnotationFile;

/**
 * An annotator at work on a corpus ({@code annotate tui DIR}): the {@link DocumentList} until a
 * document is chosen, then a {@link Session} on it, with {@code N}/{@code P} for the next or
 * previous document of the corpus and {@code O} back to the list. Only the open
 * document is held in memory; the list keeps each document's title, status and counts.
 */
final class CorpusSession implements Pane {
    private final Editor editor;
    private final String labelSet;
    private DocumentList.State list;
    private Session session; // null while the list is shown
    private int open = -1; // index into the list's entries of the open document
    private int width;
    private int height;
    private boolean quit;
    private boolean redraw;

    private CorpusSession(Editor editor, String labelSet, DocumentList.State list) {
        this.editor = editor;
        this.labelSet = labelSet;
        this.list = list;
        this.width = list.width();
        this.height = list.height();
    }

    /**
     * Reads the title, status and counts of every document of the corpus (on all cores, one
     * document at a time per thread) and shows the list.
     *
     * @param root     the folder the names in the list are relative to; null to show the paths as found
     * @param labelSet the label set each opened document starts with, when it has it; null for its first
     */
    static CorpusSession open(Corpus corpus, Path root, Editor editor, String labelSet, int width, int height) {
        if (!editor.corpus()) {
            throw new IllegalArgumentException("the editor of a corpus must bind the keys for documents");
        }
        List<DocumentList.Entry> entries = new ArrayList<>();
        corpus.parallel(
                Math.max(1, Math.min(4, Corpus.cores())),
                (path, doc) -> DocumentList.Entry.of(path, name(root, path), doc),
                outcome -> entries.add(
                        outcome.ok()
                                ? outcome.value()
                                : DocumentList.Entry.failed(
                                        outcome.path(), name(root, outcome.path()), outcome.failure())));
        return new CorpusSession(editor, labelSet, DocumentList.State.of(entries, width, height));
    }

    private static String name(Path root, Path path) {
        if (root != null
                && path.normalize().startsWith(root.normalize())
                && !path.normalize().equals(root.normalize())) {
            return root.normalize().relativize(path.normalize()).toString();
        }
        return path.toString();
    }

    /** The list as it is now (with the entry of the open document as it was when it was opened). */
    DocumentList.State list() {
        return list;
    }

    /** The open document's session; null while the list is shown. */
    Session session() {
        return session;
    }

    @Override
    public void press(Key key) {
        if (session == null) {
            DocumentList.Step step = DocumentList.handle(list, key);
            list = step.state();
            switch (step.outcome()) {
                case OPEN -> open(list.selected(), "");
                case REDRAW -> redraw = true;
                case QUIT -> quit = true;
                case NONE -> {}
            }
            return;
        }
        session.press(key);
        for (Effect request : session.takeRequests()) {
            if (request instanceof Effect.OpenDocument move) {
                step(move.delta());
            } else if (request instanceof Effect.ShowList) {
                close();
            }
        }
        quit = session != null && session.quit();
    }

    /**
     * Opens the document {@code delta} places away in the corpus, skipping unreadable ones. The
     * list's filter only helps to choose where to start: N and P go through the whole corpus.
     */
    private void step(int delta) {
        List<DocumentList.Entry> entries = list.entries();
        int next = open;
        do {
            next += delta;
        } while (next >= 0 && next < entries.size() && !entries.get(next).readable());
        if (next < 0 || next >= entries.size()) {
            String where = delta > 0 ? "this is the last document" : "this is the first document";
            sessionError(where + " of the corpus (O shows the list)");
            return;
        }
        open(next, delta > 0 ? "next document: " : "previous document: ");
    }

    private void sessionError(String message) {
        Session s = session;
        s.replaceState(s.state().withError(message));
    }

    /** Opens the entry at {@code index}; on failure stays where it was and says why. */
    private void open(int index, String verb) {
        DocumentList.Entry entry = list.entries().get(index);
        Session opened;
        try {
            opened = Session.open(AnnotationFile.at(entry.path()), editor, width, height, title(index, entry));
        } catch (ScholionException e) {
            list = list.withEntry(index, DocumentList.Entry.failed(entry.path(), entry.name(), e.getMessage()))
                    .withMessage("cannot open: " + e.getMessage(), true);
            if (session != null) {
                sessionError("cannot open: " + e.getMessage());
            }
            return;
        }
        String message = verb + entry.name();
        if (labelSet != null) {
            try {
                opened.activate(labelSet);
            } catch (ScholionException e) {
                message = "no label set '" + labelSet + "' here: showing the first";
            }
        }
        close();
        session = opened;
        open = index;
        list = list.withSelected(index);
        session.replaceState(session.state().withMessage(message));
        redraw = true;
    }

    /** How the status line names a document: its place in the corpus and its name. */
    private String title(int index, DocumentList.Entry entry) {
        return String.format(
                Locale.ROOT, "[%d/%d] %s", index + 1, list.entries().size(), entry.name());
    }

    /** Back to the list, whose entry for the document now shows its status and counts as they are. */
    private void close() {
        if (session == null) {
            return;
        }
        DocumentList.Entry entry = list.entries().get(open);
        DocumentList.Entry now = DocumentList.Entry.of(
                entry.path(), entry.name(), session.state().document());
        list = list.withEntry(open, now);
        if (!now.matches(list.filter())) { // N or P left the filter behind: show where we are
            list = list.withFilter("", false);
        }
        list = list.withSelected(open);
        session = null;
        redraw = true;
    }

    @Override
    public void resize(int w, int h) {
        width = Math.max(1, w);
        height = Math.max(1, h);
        list = list.withSize(width, height);
        if (session != null) {
            session.resize(width, height);
        }
    }

    @Override
    public boolean poll() {
        return session != null && session.poll();
    }

    @Override
    public boolean takeRedraw() {
        boolean r = redraw || (session != null && session.takeRedraw());
        redraw = false;
        return r;
    }

    @Override
    public boolean quit() {
        return quit;
    }

    @Override
    public ScreenRenderer.Screen render(ScreenRenderer renderer) {
        return session == null ? DocumentList.render(list) : session.render(renderer);
    }
}
