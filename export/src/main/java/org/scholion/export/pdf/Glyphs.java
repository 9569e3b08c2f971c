package org.scholion.export.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fonts a PDF brief embeds, and which of them draws each character: Liberation (from
 * openpdf-fonts-extra) for Latin, Cyrillic and Greek; DejaVu Sans, when the system has it, for
 * what Liberation lacks (Arabic, Hebrew, many symbols); and a visible replacement, counted, for
 * what neither can show, so no character vanishes silently. Control characters are removed.
 */
final class Glyphs {
    /** Drawn for a character no embedded font can show. */
    static final String REPLACEMENT = "\u25A1";

    private static final String ROOT = "/liberation/";
    private static final List<Path> FALLBACKS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/usr/local/share/fonts/DejaVuSans.ttf"),
            Path.of("/Library/Fonts/DejaVuSans.ttf"));

    final BaseFont serif;
    final BaseFont serifItalic;
    final BaseFont sans;
    final BaseFont sansBold;

    /** Which font draws a piece of text. */
    enum Source {
        PRIMARY,
        FALLBACK,
        REPLACED
    }

    /**
     * The fonts, parsed once per process and shared by every brief (OpenPDF keeps what a document
     * uses of a font in its writer, not in the font): parsing them is a large part of a first PDF.
     */
    private static volatile BaseFont[] shared;
    /** The fallback, parsed on first need only: most texts never leave Liberation's characters. */
    private static volatile Optional<BaseFont> fallback;

    Glyphs() throws IOException {
        BaseFont[] fonts = shared();
        serif = fonts[0];
        serifItalic = fonts[1];
        sans = fonts[2];
        sansBold = fonts[3];
    }

    /** Parses the fonts now, so that the first brief does not wait for them. */
    static void prepare() throws IOException {
        shared();
    }

    private static BaseFont[] shared() throws IOException {
        BaseFont[] fonts = shared;
        if (fonts == null) {
            synchronized (Glyphs.class) {
                fonts = shared;
                if (fonts == null) {
                    fonts = new BaseFont[] {
                        resourceFont("LiberationSerif-Regular.ttf"),
                        resourceFont("LiberationSerif-Italic.ttf"),
                        resourceFont("LiberationSans-Regular.ttf"),
                        resourceFont("LiberationSans-Bold.ttf")
                    };
                    shared = fonts;
                }
            }
        }
        return fonts;
    }

    /** The font for what Liberation lacks, or null when the system has none. */
    static BaseFont fallback() {
        Optional<BaseFont> font = fallback;
        if (font == null) {
            synchronized (Glyphs.class) {
                font = fallback;
                if (font == null) {
                    font = Optional.ofNullable(systemFont());
                    fallback = font;
                }
            }
        }
        return font.orElse(null);
    }

    private static BaseFont resourceFont(String name) throws IOException {
        try (InputStream in = Glyphs.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("font " + name + " is missing: is openpdf-fonts-extra on the class path?");
            }
            return font(name, in.readAllBytes());
        }
    }

    private static BaseFont systemFont() {
        for (Path p : FALLBACKS) {
            if (Files.isReadable(p)) {
                try {
                    return font("DejaVuSans.ttf", Files.readAllBytes(p));
                } catch (IOException e) {
                    // an unreadable or broken optional font is as good as none
                }
            }
        }
        return null;
    }

    private static BaseFont font(String name, byte[] bytes) throws IOException {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (RuntimeException e) { // OpenPDF reports a broken font as unchecked
            throw new IOException("cannot load font " + name + ": " + e.getMessage(), e);
        }
    }

    /** Characters the brief removes: C0 controls (tab and line breaks are handled as layout). */
    static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /** Invisible format characters (joiners, variation selectors) that may be left out when no font has them. */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT
                || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0xE0100 && c <= 0xE01EF)
                || (c >= 0x1F3FB && c <= 0x1F3FF);
    }

    /** Receives the pieces of a text, each with the font that draws it. */
    interface Sink {
        void piece(String text, Source source);
    }

    /**
     * Cuts {@code text} (tabs become spaces, control characters go) into pieces by the font
     * that can draw them, with {@code primary} preferred; returns how many characters had to be
     * replaced. A null sink only counts (no pieces are built: the text may be a whole document).
     */
    int split(String text, BaseFont primary, Sink sink) {
        String clean = clean(text);
        int missing = firstMissing(primary, clean, 0);
        if (missing == clean.length()) {
            if (sink != null && !clean.isEmpty()) {
                sink.piece(clean, Source.PRIMARY);
            }
            return 0;
        }
        // grapheme clusters matter only around a character the primary font lacks: the stretches
        // between are passed on whole, not walked cluster by cluster (a whole document's text)
        int replaced = 0;
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        Pieces pieces = new Pieces(sink);
        int from = 0;
        int windowStart = 0;
        int windowEnd = -1;
        while (missing < clean.length()) {
            if (missing >= windowEnd) {
                // the JDK's iterator walks from the start of its text for each question: it is given
                // a window around the character, not the whole text (which may be a document's)
                windowStart = windowStart(clean, missing, from);
                windowEnd = windowEnd(clean, missing);
                clusters.setText(clean.substring(windowStart, windowEnd));
            }
            int at = missing - windowStart;
            int start = windowStart + (clusters.isBoundary(at) ? at : clusters.preceding(at));
            int end = windowStart + clusters.following(at);
            pieces.add(clean, from, start, Source.PRIMARY);
            String cluster = clean.substring(start, end);
            if (fallback() != null && covers(fallback(), cluster)) {
                pieces.add(cluster, 0, cluster.length(), Source.FALLBACK);
            } else {
                String visible = withoutInvisible(cluster);
                if (visible.isEmpty()) {
                    // nothing to draw
                } else if (covers(primary, visible)) {
                    pieces.add(visible, 0, visible.length(), Source.PRIMARY);
                } else if (fallback() != null && covers(fallback(), visible)) {
                    pieces.add(visible, 0, visible.length(), Source.FALLBACK);
                } else {
                    pieces.add(REPLACEMENT, 0, REPLACEMENT.length(), Source.REPLACED);
                    replaced++;
                }
            }
            from = end;
            missing = firstMissing(primary, clean, end);
        }
        pieces.add(clean, from, clean.length(), Source.PRIMARY);
        pieces.finish();
        return replaced;
    }

    /** How far around a character {@link #split} looks for a certain cluster boundary. */
    private static final int REACH = 256;

    /** Characters after a missing one that share its break iterator's window, at least. */
    private static final int WINDOW = 4096;

    /**
     * Where the window of the cluster at {@code at} starts: at a certain cluster boundary, between
     * two printable ASCII characters, when there is one within reach, or else at the end of the last
     * cluster, {@code floor}. The clusters of a window are those of the whole text.
     */
    private static int windowStart(String text, int at, int floor) {
        for (int p = at; p > Math.max(floor, at - REACH); p--) {
            if (isPrintableAscii(text.charAt(p - 1)) && isPrintableAscii(text.charAt(p))) {
                return p;
            }
        }
        return floor;
    }

    /** Where the window of the cluster at {@code at} ends: a certain boundary past {@link #WINDOW}, or the text's end. */
    private static int windowEnd(String text, int at) {
        int from = Math.min(text.length(), at + WINDOW);
        for (int p = Math.max(from, at + 1); p < Math.min(text.length(), from + REACH); p++) {
            if (isPrintableAscii(text.charAt(p - 1)) && isPrintableAscii(text.charAt(p))) {
                return p;
            }
        }
        return text.length();
    }

    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7F;
    }

    /** Joins what {@link #split} finds into the longest pieces of one source each. */
    private static final class Pieces {
        private final Sink sink;
        private final StringBuilder run = new StringBuilder();
        private Source runSource;

        Pieces(Sink sink) {
            this.sink = sink;
        }

        void add(String text, int from, int to, Source source) {
            if (sink == null || from == to) {
                return;
            }
            if (source != runSource && run.length() > 0) {
                sink.piece(run.toString(), runSource);
                run.setLength(0);
            }
            runSource = source;
            run.append(text, from, to);
        }

        void finish() {
            if (sink != null && run.length() > 0) {
                sink.piece(run.toString(), runSource);
            }
        }
    }

    /** How many characters {@link #split} would replace, and how many control characters it removes. */
    int[] count(String text, BaseFont primary) {
        if (text == null) {
            return new int[] {0, 0};
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                controls++;
            }
        }
        int replaced = split(text, primary, null);
        return new int[] {replaced, controls};
    }

    /** The text a single-font drawing (chart labels, footer) can show: missing characters replaced. */
    String drawable(String text, BaseFont font) {
        StringBuilder b = new StringBuilder();
        split(
                text,
                font,
                (piece, source) -> b.append(
                        source == Source.PRIMARY
                                ? piece
                                : REPLACEMENT.repeat(piece.codePointCount(0, piece.length()))));
        return b.toString();
    }

    static String clean(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\t') {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (c == '\t') {
                    b.append("    ");
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean covers(BaseFont font, String text) {
        return firstMissing(font, text, 0) == text.length();
    }

    /** The index of the first character from {@code from} on that {@code font} cannot draw, or the text's length. */
    private static int firstMissing(BaseFont font, String text, int from) {
        for (int i = from; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!font.charExists(c) && c != ' ' && c != '\n') {
                return i;
            }
            i += Character.charCount(c);
        }
        return text.length();
    }

    private static String withoutInvisible(String cluster) {
        StringBuilder b = new StringBuilder();
        cluster.codePoints().filter(c -> !isInvisible(c)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
