package org.scholion.export.jsonld;

import static org.scholion.export.jsonld.JsonNodes.field;
import static org.scholion.export.jsonld.JsonNodes.integer;
import static org.scholion.export.jsonld.JsonNodes.string;
import static org.scholion.export.jsonld.JsonNodes.terms;
import static org.scholion.export.jsonld.Problems.shorten;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.scholion.core.text.CodePointText;

/** Places an annotation in the text by its {@code TextPositionSelector} and {@code TextQuoteSelector}. */
final class Selectors {
    /** Where an annotation lies, or why it lies nowhere. */
    record Placed(int start, int end, String warning, String failure) {
        static Placed at(int start, int end, String warning) {
            return new Placed(start, end, warning, null);
        }

        static Placed nowhere(String failure) {
            return new Placed(-1, -1, null, failure);
        }
    }

    private final CodePointText text;

    Selectors(CodePointText text) {
        this.text = text;
    }

    /**
     * Where the selectors put an annotation: its position if it fits the text (and agrees with its
     * quote, or the annotation targets this document), else its quote if that occurs once.
     */
    Placed place(JsonNode selectors, boolean ours) {
        int start = -1;
        int end = -1;
        boolean position = false;
        String exact = null;
        String prefix = null;
        String suffix = null;
        List<String> others = new ArrayList<>();
        for (JsonNode s :
                selectors == null ? List.<JsonNode>of() : selectors.isArray() ? selectors : List.of(selectors)) {
            Set<String> types = terms(field(s, "type", "@type"));
            if (types.contains("TextPositionSelector") && !position) {
                position = true;
                start = integer(s.get("start"));
                end = integer(s.get("end"));
            } else if (types.contains("TextQuoteSelector") && exact == null) {
                exact = string(s, "exact");
                prefix = string(s, "prefix");
                suffix = string(s, "suffix");
            } else {
                others.addAll(types);
            }
        }
        if (!position && exact == null) {
            return Placed.nowhere("has no TextPositionSelector or TextQuoteSelector"
                    + (others.isEmpty() ? "" : " (only " + String.join(", ", others) + ")"));
        }
        boolean inside = position && 0 <= start && start < end && end <= text.length();
        if (inside) {
            if (exact == null) {
                return Placed.at(start, end, null);
            }
            String there = text.slice(start, end);
            if (there.equals(exact)) {
                return Placed.at(start, end, null);
            }
            String differs = "its quote \"" + shorten(exact) + "\" differs from the text at " + start + ":" + end
                    + " (\"" + shorten(there) + "\")";
            if (ours) {
                return Placed.at(start, end, differs + "; the position wins");
            }
            Placed byQuote = locate(exact, prefix, suffix);
            return byQuote.failure() != null
                    ? Placed.nowhere(differs + ", it targets another document, and " + byQuote.failure())
                    : Placed.at(
                            byQuote.start(),
                            byQuote.end(),
                            differs + ", and it targets another document; placed by its quote");
        }
        String outside = position
                ? "its position " + start + ":" + end + " is not a stretch of the text (0 to " + text.length() + ")"
                : null;
        if (exact == null) {
            return Placed.nowhere(outside);
        }
        Placed byQuote = locate(exact, prefix, suffix);
        if (byQuote.failure() != null) {
            return Placed.nowhere(outside == null ? byQuote.failure() : outside + ", and " + byQuote.failure());
        }
        String warning = outside == null
                ? byQuote.warning()
                : outside + "; placed by its quote" + (byQuote.warning() == null ? "" : " (" + byQuote.warning() + ")");
        return Placed.at(byQuote.start(), byQuote.end(), warning);
    }

    /** Finds a quote that occurs exactly once, its prefix and suffix deciding between several. */
    private Placed locate(String exact, String prefix, String suffix) {
        if (exact == null || exact.isEmpty()) {
            return Placed.nowhere("its quote is empty");
        }
        String string = text.string();
        boolean context = (prefix != null && !prefix.isEmpty()) || (suffix != null && !suffix.isEmpty());
        int all = 0;
        int allAt = -1;
        int fitting = 0;
        int fittingAt = -1;
        for (int i = string.indexOf(exact); i >= 0; i = string.indexOf(exact, i + 1)) {
            if (all++ == 0) {
                allAt = i;
            }
            boolean fits = (prefix == null || (i >= prefix.length() && string.startsWith(prefix, i - prefix.length())))
                    && (suffix == null || string.startsWith(suffix, i + exact.length()));
            if (fits && fitting++ == 0) {
                fittingAt = i;
            }
        }
        String quote = "its quote \"" + shorten(exact) + "\"";
        int at;
        String warning = null;
        if (all == 0) {
            return Placed.nowhere(quote + " is not in the text");
        } else if (fitting == 1) {
            at = fittingAt;
        } else if (all == 1) {
            at = allAt;
            warning = context ? "the text around its quote differs from its prefix/suffix" : null;
        } else {
            return Placed.nowhere(quote + " occurs " + all + " times in the text"
                    + (context ? " and its prefix/suffix do not single out one" : " and it has no prefix or suffix"));
        }
        try {
            int start = text.toCodePointIndex(at);
            int end = text.toCodePointIndex(at + exact.length());
            return Placed.at(start, end, warning);
        } catch (IllegalArgumentException e) {
            return Placed.nowhere(quote + " starts or ends inside a character");
        }
    }
}
