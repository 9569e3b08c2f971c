package org.scholion.cli.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;

/**
 * Pre-annotation: spans marked as suggestions wherever a pattern or a term from a list matches,
 * for a person to accept or reject in the terminal annotator.
 */
public final class Suggestions {
    private static final String WORD = "[\\p{L}\\p{N}\\p{M}_]";

    private Suggestions() {}

    /**
     * What adding suggestions did.
     *
     * @param document   the document with the suggestions added
     * @param added      how many were added
     * @param duplicates matches skipped because a span of that label already covers exactly that range
     */
    public record Result(AnnotatedDocument document, int added, int duplicates) {}

    /** A pattern matching any of the terms as a whole word, the longest term first where several fit. */
    public static Pattern termsPattern(List<String> terms, boolean ignoreCase) {
        Set<String> unique = new LinkedHashSet<>();
        for (String term : terms) {
            String t = term.strip();
            if (!t.isEmpty()) {
                unique.add(t);
            }
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("the term list holds no terms");
        }
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder alternatives = new StringBuilder();
        for (String term : sorted) {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(term));
        }
        String regex = "(?<!" + WORD + ")(?:" + alternatives + ")(?!" + WORD + ")";
        return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** Reads a term list: one term per line, blank lines skipped, a byte-order mark ignored. */
    public static List<String> parseTerms(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Adds a suggested span of {@code label} for every match of {@code pattern} in the text
     * (matched on the Java string, converted to code points), skipping empty matches and exact
     * duplicates of spans already there.
     *
     * @throws IllegalArgumentException if the label is not in the document's label sets
     */
    public static Result add(AnnotatedDocument doc, String label, Pattern pattern, String annotator, Instant created) {
        if (doc.label(label).isEmpty()) {
            List<String> known = doc.labels().stream().map(l -> l.name()).toList();
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "label '%s' is not in the document's label sets (it has: %s)",
                    label,
                    String.join(", ", known)));
        }
        CodePointText text = doc.text();
        Set<Long> taken = new HashSet<>();
        for (Span span : doc.spans()) {
            if (span.label().equals(label)) {
                taken.add(range(span.start(), span.end()));
            }
        }
        String next = doc.nextSpanId();
        long number = Long.parseLong(next.substring(1));
        List<Span> added = new ArrayList<>();
        int duplicates = 0;
        Matcher m = pattern.matcher(text.string());
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            int start;
            int end;
            try {
                start = text.toCodePointIndex(m.start());
                end = text.toCodePointIndex(m.end());
            } catch (IllegalArgumentException splitsAPair) {
                continue;
            }
            if (!taken.add(range(start, end))) {
                duplicates++;
                continue;
            }
            added.add(new Span("s" + number++, start, end, label, null, annotator, created, true));
        }
        return new Result(added.isEmpty() ? doc : doc.withSpans(added), added.size(), duplicates);
    }

    private static long range(int start, int end) {
        return ((long) start << 32) | end;
    }
}
