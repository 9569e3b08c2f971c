package org.scholion.cli.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import org.scholion.core.ScholionException;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Change;
import org.scholion.core.store.Snapshot;

/**
 * One annotator at work on one file: feeds keys to the {@link Editor}, carries out its effects
 * on the {@link AnnotationFile} (every change saved at once, under the file's lock) and notices
 * when another program changed the file.
 */
public final class Session {
    private final AnnotationFile file;
    private final Editor editor;
    private TuiState state;
    private boolean quit;
    private boolean redraw;
    private Object stamp;

    private Session(AnnotationFile file, Editor editor, TuiState state) {
        this.file = file;
        this.editor = editor;
        this.state = state;
        this.stamp = stamp();
    }

    /** Opens the file for annotation in a window of {@code width} x {@code height}. */
    public static Session open(AnnotationFile file, Editor editor, int width, int height) throws ScholionException {
        Snapshot snapshot = file.load();
        String name = file.path().getFileName().toString();
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

    public boolean quit() {
        return quit;
    }

    /** Whether the whole window should be repainted (and clears the request). */
    boolean takeRedraw() {
        boolean r = redraw;
        redraw = false;
        return r;
    }

    /** Makes the label set of this name the active one. */
    public void activate(String labelSetName) throws ScholionException {
        List<String> names = state.document().labelSets().stream().map(s -> s.name()).toList();
        int index = names.indexOf(labelSetName);
        if (index < 0) {
            throw new ScholionException(file.toString(), "has no label set '" + labelSetName + "' (it has: "
                    + String.join(", ", names) + ")");
        }
        state = state.withActiveSet(index);
    }

    public void resize(int width, int height) {
        state = editor.resize(state, width, height);
    }

    /** Handles one key, saving what it changed. */
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
                Snapshot after = file.update(save.summary(), save.edit());
                stamp = stamp();
                state = editor.replaceDocument(state, after.document()).withMessage("saved: " + save.summary());
            } else if (effect instanceof Effect.Undo || effect instanceof Effect.Redo) {
                boolean undo = effect instanceof Effect.Undo;
                Snapshot after = undo ? file.undo(1) : file.redo(1);
                stamp = stamp();
                List<Change> done = undo ? after.history().redo() : after.history().undo();
                String summary = done.isEmpty() ? "" : done.get(done.size() - 1).summary();
                state = editor.replaceDocument(state, after.document())
                        .withMessage((undo ? "undone: " : "redone: ") + summary);
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
     * Reloads the file if another program changed it since it was last read or written here.
     *
     * @return whether the state changed
     */
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
