package org.scholion.export.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson's escaping for JSON inside a {@code <script>} data block: {@code <}, {@code >}, {@code &},
 * U+2028 and U+2029 become their {@code \}{@code u} escapes, so no string can close the block or open
 * a comment; control characters HTML forbids become U+FFFD, one for one, as in the page's text.
 * (Strings that the generator writes pre-encoded, such as {@link SerializedString}s, bypass it:
 * {@link ScriptSafeStream} makes any JSON stream safe instead.)
 */
final class ScriptSafeEscapes extends CharacterEscapes {
    private static final SerializedString LT = new SerializedString("\\u003c");
    private static final SerializedString GT = new SerializedString("\\u003e");
    private static final SerializedString AMP = new SerializedString("\\u0026");
    private static final SerializedString LS = new SerializedString("\\u2028");
    private static final SerializedString PS = new SerializedString("\\u2029");
    private static final SerializedString REPLACEMENT = new SerializedString("\uFFFD");
    private static final int[] ASCII = ascii();

    private static int[] ascii() {
        int[] escapes = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\r' && c != '\t') {
                escapes[c] = ESCAPE_CUSTOM;
            }
        }
        escapes[0x7F] = ESCAPE_CUSTOM;
        escapes['<'] = ESCAPE_CUSTOM;
        escapes['>'] = ESCAPE_CUSTOM;
        escapes['&'] = ESCAPE_CUSTOM;
        return escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
        return switch (c) {
            case '<' -> LT;
            case '>' -> GT;
            case '&' -> AMP;
            case 0x2028 -> LS;
            case 0x2029 -> PS;
            default -> c < 0x20 || (c >= 0x7F && c <= 0x9F) ? REPLACEMENT : null;
        };
    }
}
