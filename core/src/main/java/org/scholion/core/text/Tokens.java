package org.scholion.core.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one tokenizer and sentence splitter of Scholion, used by token formats (CoNLL, WebAnno TSV)
 * and by token-level agreement.
 *
 * <p>Sentences are those of {@link BreakIterator#getSentenceInstance} for {@link Locale#ROOT}, also
 * cut at every line break. Inside a sentence a token is either a word — a run of letters, digits,
 * {@code _} and combining marks, the same word boundaries as the terminal annotator's {@code w} —
 * or one grapheme cluster of anything else that is not a {@linkplain #isSeparator separator} (a punctuation mark, a symbol,
 * an emoji with its modifiers, a flag). Separators are never part of a token.
 */
public final class Tokens {
    private static final int ZWJ = 0x200D;

    /** A token, {@code [start, end)} in code points of the text. */
    public record Token(int start, int end) {
        public Token {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("token " + start + ":" + end + " is empty or negative");
            }
        }
    }

    /** A sentence, {@code [start, end)} in code points from its first token's start to its last token's end. */
    public record Sentence(int start, int end, List<Token> tokens) {
        public Sentence {
            tokens = List.copyOf(tokens);
        }
    }

    private final List<Sentence> sentences;

    private Tokens(List<Sentence> sentences) {
        this.sentences = sentences;
    }

    /** Cuts {@code text} into sentences of tokens; sentences without a token are left out. */
    public static Tokens of(CodePointText text) {
        String s = text.string();
        List<Sentence> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        breaks.setText(s);
        int from = breaks.first();
        for (int to = breaks.next(); to != BreakIterator.DONE; from = to, to = breaks.next()) {
            int lineStart = from;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                    addSentence(text, lineStart, i, sentences);
                    lineStart = i + 1;
                }
            }
            addSentence(text, lineStart, to, sentences);
        }
        return new Tokens(Collections.unmodifiableList(sentences));
    }

    public static Tokens of(String text) {
        return of(CodePointText.of(text));
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Every token of the text in order. */
    public List<Token> tokens() {
        List<Token> all = new ArrayList<>();
        for (Sentence sentence : sentences) {
            all.addAll(sentence.tokens());
        }
        return all;
    }

    /** Whether {@code cp} belongs to a word: a letter, digit, {@code _} or combining mark. */
    public static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether {@code cp} separates tokens and belongs to none: white space, no-break spaces, zero-width space. */
    public static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0xFEFF;
    }

    private static void addSentence(CodePointText text, int charFrom, int charTo, List<Sentence> sentences) {
        String s = text.string();
        List<Token> tokens = new ArrayList<>();
        int i = charFrom;
        while (i < charTo) {
            int cp = s.codePointAt(i);
            if (isSeparator(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            if (isWordChar(cp)) {
                while (i < charTo && isWordChar(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
            } else {
                i = clusterEnd(s, i, charTo);
            }
            tokens.add(new Token(text.toCodePointIndex(start), text.toCodePointIndex(i)));
        }
        if (!tokens.isEmpty()) {
            sentences.add(new Sentence(
                    tokens.get(0).start(), tokens.get(tokens.size() - 1).end(), tokens));
        }
    }

    /** The char index after the grapheme cluster starting at {@code i}: marks, emoji modifiers, ZWJ sequences, flags. */
    private static int clusterEnd(String s, int i, int limit) {
        int first = s.codePointAt(i);
        i += Character.charCount(first);
        if (isRegionalIndicator(first) && i < limit && isRegionalIndicator(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        while (i < limit) {
            int cp = s.codePointAt(i);
            if (cp == ZWJ && i + 1 < limit && !isSeparator(s.codePointAt(i + 1))) {
                i += 1;
                i += Character.charCount(s.codePointAt(i));
            } else if (extendsCluster(cp)) {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean extendsCluster(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || cp == ZWJ
                || cp == 0xFE0F
                || cp == 0xFE0E
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
