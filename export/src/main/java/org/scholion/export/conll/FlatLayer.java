package org.scholion.export.conll;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.core.text.Tokens;
import org.scholion.export.interchange.LossReport;

/**
 * The one flat layer of token chunks that a document's spans become. Spans are taken in document
 * order (outer first): a span whose ends fall inside a token is snapped outwards to the tokens it
 * touches; a span that touches no token, or whose tokens are already taken by an earlier span
 * (nested, stacked or crossing), is not written; a span across a sentence break is written as one
 * chunk per sentence. Each of these goes into the loss report.
 */
final class FlatLayer {
    static final String FORMAT = "conll";

    private final List<Tokens.Sentence> sentences;
    /** Per sentence, its chunks in order. */
    private final List<List<Tags.Chunk>> chunks;

    /** The span each chunk was written for. */
    private final Map<Tags.Chunk, String> spanOf;

    private FlatLayer(List<Tokens.Sentence> sentences, List<List<Tags.Chunk>> chunks, Map<Tags.Chunk, String> spanOf) {
        this.spanOf = spanOf;
        this.sentences = sentences;
        this.chunks = chunks;
    }

    List<Tokens.Sentence> sentences() {
        return sentences;
    }

    List<Tags.Chunk> chunks(int sentence) {
        return chunks.get(sentence);
    }

    /** The flat layer of {@code spans} (of {@code doc}, in document order) over the document's tokens. */
    static FlatLayer of(AnnotatedDocument doc, List<Span> spans, LossReport losses) {
        CodePointText text = doc.text();
        List<Tokens.Sentence> sentences = Tokens.of(text).sentences();
        List<int[]> where = new ArrayList<>(); // flat token index -> {sentence, index in sentence}
        List<Tokens.Token> tokens = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Tokens.Token> inSentence = sentences.get(s).tokens();
            for (int t = 0; t < inSentence.size(); t++) {
                tokens.add(inSentence.get(t));
                where.add(new int[] {s, t});
            }
        }
        String source = doc.document().id();
        Span[] owner = new Span[tokens.size()];
        Map<Tags.Chunk, String> spanOf = new IdentityHashMap<>();
        List<List<Tags.Chunk>> chunks = new ArrayList<>();
        sentences.forEach(s -> chunks.add(new ArrayList<>()));
        for (Span span : spans) {
            int first = firstTokenEndingAfter(tokens, span.start());
            int last = lastTokenStartingBefore(tokens, span.end());
            if (first < 0 || last < first) {
                losses.add(
                        FORMAT,
                        source,
                        0,
                        "spans on white space only not written",
                        describe(doc, span) + " covers no token");
                continue;
            }
            Span taken = null;
            for (int i = first; i <= last && taken == null; i++) {
                taken = owner[i];
            }
            if (taken != null) {
                boolean inside = (taken.start() <= tokens.get(first).start()
                                && tokens.get(last).end() <= taken.end())
                        || (firstTokenEndingAfter(tokens, taken.start()) <= first
                                && last <= lastTokenStartingBefore(tokens, taken.end()));
                losses.add(
                        FORMAT,
                        source,
                        0,
                        inside ? "nested spans not written" : "crossing spans not written",
                        describe(doc, span) + (inside ? " lies inside " : " crosses ") + describe(doc, taken)
                                + ", which holds those tokens");
                continue;
            }
            int start = tokens.get(first).start();
            int end = tokens.get(last).end();
            if (start != span.start() || end != span.end()) {
                losses.add(
                        FORMAT,
                        source,
                        0,
                        "spans snapped to token boundaries",
                        describe(doc, span) + " written as " + start + ":" + end + " '" + text.slice(start, end) + "'");
            }
            for (int i = first; i <= last; i++) {
                owner[i] = span;
            }
            int firstSentence = where.get(first)[0];
            int lastSentence = where.get(last)[0];
            if (firstSentence != lastSentence) {
                losses.add(
                        FORMAT,
                        source,
                        0,
                        "spans split at sentence breaks",
                        describe(doc, span) + " is written as " + (lastSentence - firstSentence + 1)
                                + " spans, one per sentence");
            }
            for (int s = firstSentence; s <= lastSentence; s++) {
                int from = s == firstSentence ? where.get(first)[1] : 0;
                int to = s == lastSentence
                        ? where.get(last)[1] + 1
                        : sentences.get(s).tokens().size();
                Tags.Chunk chunk = new Tags.Chunk(from, to, span.label());
                chunks.get(s).add(chunk);
                spanOf.put(chunk, span.id());
            }
        }
        chunks.forEach(list -> list.sort((a, b) -> Integer.compare(a.first(), b.first())));
        return new FlatLayer(sentences, chunks, spanOf);
    }

    /**
     * The ids the reader gives back to each span written, by span id in the order written: the
     * reader numbers the chunks {@code s1, s2, ...} as it reads them, and a span split at sentence
     * breaks comes back as several.
     */
    Map<String, List<String>> idsReadBack() {
        Map<String, List<String>> back = new LinkedHashMap<>();
        int n = 0;
        for (List<Tags.Chunk> sentence : chunks) {
            for (Tags.Chunk chunk : sentence) {
                back.computeIfAbsent(spanOf.get(chunk), k -> new ArrayList<>(1)).add("s" + ++n);
            }
        }
        return back;
    }

    static String describe(AnnotatedDocument doc, Span span) {
        String covered = doc.textOf(span).replaceAll("[\\p{Cc}\\u2028\\u2029]", " ");
        if (covered.length() > 40) {
            covered = covered.substring(
                            0, covered.offsetByCodePoints(0, Math.min(37, covered.codePointCount(0, covered.length()))))
                    + "...";
        }
        return String.format(
                Locale.ROOT, "span %s %s %d:%d '%s'", span.id(), span.label(), span.start(), span.end(), covered);
    }

    private static int firstTokenEndingAfter(List<Tokens.Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < tokens.size() ? lo : -1;
    }

    private static int lastTokenStartingBefore(List<Tokens.Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
