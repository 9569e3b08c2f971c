package org.scholion.export.json;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's confidence in a suggestion, where a format carries one (Label Studio predictions,
 * Prodigy spans): the model has no field for it, so it is kept at the start of the span's note as
 * {@code score: 0.87}, where a person accepting suggestions sees it and {@code annotate suggest
 * --min-score} finds it.
 */
public final class Scores {
    private static final Pattern SCORE = Pattern.compile("score: (-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(?:\\n|$)");

    private Scores() {}

    /** The note with the score in front: {@code score: 0.87}, then the note on the next line if there is one. */
    public static String note(double score, String note) {
        String text = "score: "
                + new BigDecimal(Double.toString(score)).stripTrailingZeros().toPlainString();
        return note == null || note.isBlank() ? text : text + "\n" + note;
    }

    /** The score at the start of a note, if there is one. */
    public static OptionalDouble of(String note) {
        if (note == null) {
            return OptionalDouble.empty();
        }
        Matcher m = SCORE.matcher(note);
        return m.lookingAt() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** The note without a score in front; null when nothing else is left. */
    public static String rest(String note) {
        if (note == null) {
            return null;
        }
        Matcher m = SCORE.matcher(note);
        if (!m.lookingAt()) {
            return note;
        }
        String rest = note.substring(m.end());
        return rest.isEmpty() ? null : rest;
    }
}
