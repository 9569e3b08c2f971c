package org.scholion.cli.tui;

import java.util.List;
import java.util.Locale;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;

/**
 * Everything the terminal annotator shows, as one immutable value: the document, the cursor and
 * selection (code points), the active label set, the mode with its typed input or pending choice,
 * the status message and the window.
 *
 * @param document   the annotated document as last saved or read
 * @param fileName   the name shown in the status line
 * @param cursor     the code point under the cursor
 * @param anchor     where the selection started, or -1 when nothing is selected
 * @param activeSet  index of the active label set in {@code document.labelSets()}
 * @param mode       what keys mean right now
 * @param input      text typed at a prompt (search or note)
 * @param lastSearch the text {@code n} searches for again; empty if none
 * @param action     what a choice in {@link Mode#CHOOSE} or a label in {@link Mode#RELABEL} does
 * @param candidates ids of the spans (or relations) to choose from, or the one span being relabelled, noted,
 *                   given an attribute or a link, or related (see {@link Mode})
 * @param message    the status message (saved, reloaded, an error); empty if none
 * @param error      whether the message reports a failure
 * @param top        a code point in the first row shown
 * @param width      window columns
 * @param height     window rows
 * @param helpTop    first line of help shown
 * @param goalColumn the column that up and down keep to across shorter rows; -1 when none
 */
public record TuiState(
        AnnotatedDocument document,
        String fileName,
        int cursor,
        int anchor,
        int activeSet,
        Mode mode,
        String input,
        String lastSearch,
        Action action,
        List<String> candidates,
        String message,
        boolean error,
        int top,
        int width,
        int height,
        int helpTop,
        int goalColumn) {

    /** What keys mean right now. */
    public enum Mode {
        NORMAL,
        SEARCH,
        NOTE,
        CHOOSE,
        RELABEL,
        HELP,
        /** Typing the name of an attribute of {@code candidates[0]}. */
        ATTRIBUTE_NAME,
        /** Typing the value of attribute {@code candidates[1]} of span {@code candidates[0]}. */
        ATTRIBUTE_VALUE,
        /** Typing a link ({@code PREFIX:ID} or IRI) for span {@code candidates[0]}. */
        LINK,
        /** Moving to the target of a relation from span {@code candidates[0]}. */
        RELATE,
        /** Typing the type of a relation from {@code candidates[0]} to {@code candidates[1]}. */
        RELATION_TYPE;

        /** Whether keys are typed into {@link TuiState#input()} on the status line. */
        boolean prompts() {
            return this == SEARCH
                    || this == NOTE
                    || this == ATTRIBUTE_NAME
                    || this == ATTRIBUTE_VALUE
                    || this == LINK
                    || this == RELATION_TYPE;
        }
    }

    /** What a pending choice does to the chosen span. */
    public enum Action {
        NONE,
        DELETE,
        RELABEL,
        NOTE,
        ACCEPT,
        REJECT,
        ACCEPT_ALL,
        ATTRIBUTE,
        LINK,
        RELATE;

        String verb() {
            if (this == ATTRIBUTE) {
                return "set an attribute of";
            }
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public TuiState {
        if (document == null) {
            throw new IllegalArgumentException("document must not be missing");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "window %dx%d is too small", width, height));
        }
        fileName = fileName == null ? document.document().id() : fileName;
        int length = document.text().length();
        cursor = Math.max(0, Math.min(cursor, Math.max(0, length - 1)));
        anchor = anchor < 0 ? -1 : Math.min(anchor, Math.max(0, length - 1));
        int sets = document.labelSets().size();
        activeSet = sets == 0 ? 0 : Math.floorMod(activeSet, sets);
        mode = mode == null ? Mode.NORMAL : mode;
        input = input == null ? "" : input;
        lastSearch = lastSearch == null ? "" : lastSearch;
        action = action == null ? Action.NONE : action;
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        message = message == null ? "" : message;
        top = Math.max(0, Math.min(top, length));
        helpTop = Math.max(0, helpTop);
        goalColumn = Math.max(-1, goalColumn);
    }

    /** The state a session starts in: cursor at the start, nothing selected, the first label set. */
    public static TuiState start(AnnotatedDocument document, String fileName, int width, int height) {
        return new TuiState(
                document,
                fileName,
                0,
                -1,
                0,
                Mode.NORMAL,
                "",
                "",
                Action.NONE,
                List.of(),
                "",
                false,
                0,
                width,
                height,
                0,
                -1);
    }

    /** The active label set, if the document has any. */
    public java.util.Optional<LabelSet> activeLabelSet() {
        return document.labelSets().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(document.labelSets().get(activeSet));
    }

    public boolean hasSelection() {
        return anchor >= 0;
    }

    /** Rows of the window that show the document (the rest are the status and legend lines). */
    public int textRows() {
        return Math.max(1, height - 2);
    }

    public TuiState withDocument(AnnotatedDocument newDocument) {
        return new TuiState(
                newDocument,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withCursor(int newCursor, int newAnchor) {
        return new TuiState(
                document,
                fileName,
                newCursor,
                newAnchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withActiveSet(int index) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                index,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withMode(Mode newMode, String newInput, Action newAction, List<String> newCandidates) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                newMode,
                newInput,
                lastSearch,
                newAction,
                newCandidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    /** Back to {@link Mode#NORMAL}, with no prompt or choice pending. */
    public TuiState normal() {
        return withMode(Mode.NORMAL, "", Action.NONE, List.of());
    }

    public TuiState withInput(String newInput) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                newInput,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withLastSearch(String search) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                search,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withMessage(String newMessage) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                newMessage,
                false,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withError(String newMessage) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                newMessage,
                true,
                top,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withTop(int newTop) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                newTop,
                width,
                height,
                helpTop,
                goalColumn);
    }

    public TuiState withSize(int newWidth, int newHeight) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                newWidth,
                newHeight,
                helpTop,
                goalColumn);
    }

    public TuiState withGoalColumn(int column) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                helpTop,
                column);
    }

    public TuiState withHelpTop(int line) {
        return new TuiState(
                document,
                fileName,
                cursor,
                anchor,
                activeSet,
                mode,
                input,
                lastSearch,
                action,
                candidates,
                message,
                error,
                top,
                width,
                height,
                line,
                goalColumn);
    }
}
