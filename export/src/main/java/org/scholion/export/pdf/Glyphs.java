package org.scholion.export.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

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

    private static byte[] serifBytes;
    private static byte[] serifItalicBytes;
    private static byte[] sansBytes;
    private static byte[] sansBoldBytes;
    private static byte[] fallbackBytes;
    private static boolean fallbackLooked;

    final BaseFont serif;
    final BaseFont serifItalic;
    final BaseFont sans;
    final BaseFont sansBold;
    /** Null when the system has no fallback font. */
    final BaseFont fallback;

    /** Which font draws a piece of text. */
    enum Source {
        PRIMARY,
        FALLBACK,
        REPLACED
    }

    Glyphs() throws IOException {
        loadBytes();
        serif = font("LiberationSerif-Regular.ttf", serifBytes);
        serifItalic = font("LiberationSerif-Italic.ttf", serifItalicBytes);
        sans = font("LiberationSans-Regular.ttf", sansBytes);
        sansBold = font("LiberationSans-Bold.ttf", sansBoldBytes);
        fallback = fallbackBytes == null ? null : font("DejaVuSans.ttf", fallbackBytes);
    }

    private static synchronized void loadBytes() throws IOException {
        if (serifBytes == null) {
            serifBytes = resource("LiberationSerif-Regular.ttf");
            serifItalicBytes = resource("LiberationSerif-Italic.ttf");
            sansBytes = resource("LiberationSans-Regular.ttf");
            sansBoldBytes = resource("LiberationSans-Bold.ttf");
        }
        if (!fallbackLooked) {
            fallbackLooked = true;
            for (Path p : FALLBACKS) {
                if (Files.isReadable(p)) {
                    try {
                        fallbackBytes = Files.readAllBytes(p);
                        break;
                    } catch (IOException e) {
                        // an unreadable optional font is as good as none
                    }
                }
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Glyphs.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("font " + name + " is missing: is openpdf-fonts-extra on the class path?");
            }
            return in.readAllBytes();
        }
    }

    private static BaseFont font(String name, byte[] bytes) throws IOException {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (com.lowagie.text.DocumentException e) {
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
        if (covers(primary, clean)) {
            if (sink != null && !clean.isEmpty()) {
                sink.piece(clean, Source.PRIMARY);
            }
            return 0;
        }
        int replaced = 0;
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(clean);
        StringBuilder run = new StringBuilder();
        Source runSource = null;
        int start = clusters.first();
        for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
            Source source;
            String drawn = null; // null: the cluster as it is
            if (covers(primary, clean, start, end)) {
                source = Source.PRIMARY;
            } else {
                String cluster = clean.substring(start, end);
                if (fallback != null && covers(fallback, cluster)) {
                    source = Source.FALLBACK;
                } else {
                    String visible = withoutInvisible(cluster);
                    if (visible.isEmpty()) {
                        continue;
                    } else if (covers(primary, visible)) {
                        source = Source.PRIMARY;
                        drawn = visible;
                    } else if (fallback != null && covers(fallback, visible)) {
                        source = Source.FALLBACK;
                        drawn = visible;
                    } else {
                        source = Source.REPLACED;
                        drawn = REPLACEMENT;
                        replaced++;
                    }
                }
            }
            if (sink == null) {
                continue;
            }
            if (source != runSource && run.length() > 0) {
                sink.piece(run.toString(), runSource);
                run.setLength(0);
            }
            runSource = source;
            if (drawn == null) {
                run.append(clean, start, end);
            } else {
                run.append(drawn);
            }
        }
        if (sink != null && run.length() > 0) {
            sink.piece(run.toString(), runSource);
        }
        return replaced;
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
        return covers(font, text, 0, text.length());
    }

    private static boolean covers(BaseFont font, String text, int from, int to) {
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            if (!font.charExists(c) && c != ' ' && c != '\n') {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static String withoutInvisible(String cluster) {
        StringBuilder b = new StringBuilder();
        cluster.codePoints().filter(c -> !isInvisible(c)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
