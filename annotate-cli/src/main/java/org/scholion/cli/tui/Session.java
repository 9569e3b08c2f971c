package org.scholion.cli.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Status;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Change;
import org.scholion.core.store.Snapshot;

/**
 * One annotator at work on one file: feeds keys to the {@link Editor}, carries out its effects
 * on the {@link AnnotationFile} (every change saved at once, under the file's lock) and notices
 * when another program changed the file. The first change made here marks a {@code todo} document
 * {@code in-progress} ({@link Status#start}).
 */
public final class Session implements Pane {
    private final AnnotationFile file;
    private final Editor editor;
    private TuiState state;
    private boolean quit;
    private boolean redraw;
    private Object stamp;
    private boolean started;
    private final List<Effect> requests = new ArrayList<>();

    private Session(AnnotationFile file, Editor editor, TuiState state) {
        this.file = file;
        this.editor = editor;
        this.state = state;
        this.stamp = stamp();
    }

    /** Opens the file for annotation in a window of {@code width} x {@code height}. */
    public static Session open(AnnotationFile file, Editor editor, int width, int height) throws ScholionException {
        return open(file, editor, width, height, file.path().getFileName().toString());
    }

    /** Opens the file, showing {@code name} for it in the status line. */
    static Session open(AnnotationFile file, Editor editor, int width, int height, String name)
            throws ScholionException {
        Snapshot snapshot = file.load();
        TuiState start = TuiState.start(snapshot.document(), name, width, height);
        return new Session(file, editor, editor.resize(start, width, height));
    }

    public TuiState state() {
        return state;
    }

    public Editor editor() {
        return editor;
    }

    public AnnotationFile file() {
        return file;
    }

    @Override
    public boolean quit() {
        return quit;
    }

    /** Whether the whole window should be repainted (and clears the request). */
    @Override
    public boolean takeRedraw() {
        boolean r = redraw;
        redraw = false;
        return r;
    }

    /** Makes the label set of this name the active one. */
    public void activate(String labelSetName) throws ScholionException {
        List<String> names =
                state.document().labelSets().stream().map(s -> s.name()).toList();
        int index = names.indexOf(labelSetName);
        if (index < 0) {
            throw new ScholionException(
                    file.toString(),
                    "has no label set '" + labelSetName + "' (it has: " + String.join(", ", names) + ")");
        }
        state = state.withActiveSet(index);
    }

    @Override
    public void resize(int width, int height) {
        state = editor.resize(state, width, height);
    }

    /** Replaces what is on screen, e.g. to show a message of the corpus around this document. */
    void replaceState(TuiState next) {
        state = next;
    }

    @Override
    public ScreenRenderer.Screen render(ScreenRenderer renderer) {
        return renderer.render(state, editor);
    }

    /**
     * The effects that concern the document list rather than this document ({@link Effect.OpenDocument},
     * {@link Effect.ShowList}), in the order asked; clears them.
     */
    List<Effect> takeRequests() {
        List<Effect> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    /** Handles one key, saving what it changed. */
    @Override
    public void press(Key key) {
        Editor.Step step = editor.handle(state, key);
        state = step.state();
        for (Effect effect : step.effects()) {
            run(effect);
        }
    }

    public void pressAll(List<Key> keys) {
        keys.forEach(this::press);
    }

    private void run(Effect effect) {
        try {
            if (effect instanceof Effect.Save save) {
                Snapshot after = started(file.update(save.summary(), save.edit()));
                stamp = stamp();
                state = editor.replaceDocument(state, after.document()).withMessage("saved: " + save.summary());
            } else if (effect instanceof Effect.Undo || effect instanceof Effect.Redo) {
                boolean undo = effect instanceof Effect.Undo;
                Snapshot after = started(undo ? file.undo(1) : file.redo(1));
                stamp = stamp();
                List<Change> done =
                        undo ? after.history().redo() : after.history().undo();
                String summary = done.isEmpty() ? "" : done.get(done.size() - 1).summary();
                state = editor.replaceDocument(state, after.document())
                        .withMessage((undo ? "undone: " : "redone: ") + summary);
            } else if (effect instanceof Effect.MarkDone) {
                Snapshot after = Status.set(
                        file,
                        Status.Stage.DONE,
                        editor.annotator(),
                        editor.clock().instant());
                started = true;
                stamp = stamp();
                state = editor.replaceDocument(state, after.document())
                        .withMessage("marked done" + (editor.corpus() ? ": N for the next document" : ""));
            } else if (effect instanceof Effect.OpenDocument || effect instanceof Effect.ShowList) {
                requests.add(effect);
            } else if (effect instanceof Effect.Redraw) {
                redraw = true;
            } else if (effect instanceof Effect.Quit) {
                quit = true;
            }
        } catch (ScholionException e) {
            state = state.withError("not saved: " + e.getMessage());
        }
    }

    /**
     * After the first change made here, marks the document {@code in-progress} if it is still
     * {@code todo}; returns the file's content as it then is.
     */
    private Snapshot started(Snapshot after) throws ScholionException {
        if (started) {
            return after;
        }
        started = true;
        try {
            if (Status.of(after.document()).stage() != Status.Stage.TODO) {
                return after;
            }
        } catch (IllegalArgumentException e) {
            return after; // a status this program cannot read is left for annotate status to report
        }
        return Status.start(file, editor.annotator(), editor.clock().instant()) ? file.load() : after;
    }

    /**
     * Reloads the file if another program changed it since it was last read or written here.
     *
     * @return whether the state changed
     */
    @Override
    public boolean poll() {
        Object now = stamp();
        if (Objects.equals(now, stamp)) {
            return false;
        }
        stamp = now;
        if (now == null) {
            state = state.withError("the file is gone from disk; the next change will fail");
            return true;
        }
        try {
            Snapshot snapshot = file.load();
            if (snapshot.document().equals(state.document())) {
                return false;
            }
            state = editor.replaceDocument(state, snapshot.document())
                    .withMessage("reloaded: the file was changed by another program");
        } catch (ScholionException e) {
            state = state.withError("cannot reload: " + e.getMessage());
        }
        return true;
    }

    /** What tells one version of the file from the next without reading it. */
    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
