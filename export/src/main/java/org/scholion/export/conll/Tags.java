package org.scholion.export.conll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tag sequences and the spans (chunks) they stand for, within one sentence. Decoding follows the
 * CoNLL evaluation script {@code conlleval} with the {@code S-}/{@code E-} rules of its usual
 * Python port (seqeval): a chunk starts at {@code B-} or {@code S-}, at an {@code I-}/{@code E-}
 * after {@code O}, {@code E-} or {@code S-}, and wherever the type changes; so an {@code I-X}
 * without a {@code B-X} before it starts a chunk, as conlleval counts it.
 */
final class Tags {
    static final String OUTSIDE = "O";

    /** A chunk of tokens {@code [first, end)} of one sentence with its label. */
    record Chunk(int first, int end, String label) {
        Chunk {
            if (first < 0 || end <= first) {
                throw new IllegalArgumentException("chunk " + first + ":" + end + " is empty");
            }
        }
    }

    /** A parsed tag: its prefix ({@code B I E S}, or {@code O}) and its type ("" for {@code O}). */
    record Tag(char prefix, String type) {}

    private Tags() {}

    /**
     * Parses {@code O} or {@code P-TYPE} with {@code P} one of {@code B I E S} (and BILOU's
     * {@code L}, {@code U}, read as {@code E}, {@code S}).
     *
     * @return null when the tag is none of these
     */
    static Tag parse(String tag) {
        if (tag.equals(OUTSIDE)) {
            return new Tag('O', "");
        }
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return null;
        }
        char prefix = switch (tag.charAt(0)) {
            case 'B', 'I', 'E', 'S' -> tag.charAt(0);
            case 'L' -> 'E';
            case 'U' -> 'S';
            default -> 0;
        };
        return prefix == 0 ? null : new Tag(prefix, tag.substring(2));
    }

    /** The tags of {@code length} tokens holding {@code chunks} (sorted, not overlapping) in {@code scheme}. */
    static String[] encode(int length, List<Chunk> chunks, Scheme scheme) {
        String[] tags = new String[length];
        Arrays.fill(tags, OUTSIDE);
        Chunk previous = null;
        for (Chunk chunk : chunks) {
            for (int i = chunk.first(); i < chunk.end(); i++) {
                char prefix = switch (scheme) {
                    case IOB2 -> i == chunk.first() ? 'B' : 'I';
                    case IOB1 ->
                        i == chunk.first()
                                        && previous != null
                                        && previous.end() == chunk.first()
                                        && previous.label().equals(chunk.label())
                                ? 'B'
                                : 'I';
                    case BIOES ->
                        chunk.end() - chunk.first() == 1
                                ? 'S'
                                : i == chunk.first() ? 'B' : i == chunk.end() - 1 ? 'E' : 'I';
                };
                tags[i] = prefix + "-" + chunk.label();
            }
            previous = chunk;
        }
        return tags;
    }

    /** The chunks that {@code tags} (parsed, one sentence) stand for, as conlleval reads them. */
    static List<Chunk> decode(List<Tag> tags) {
        List<Chunk> chunks = new ArrayList<>();
        char previous = 'O';
        String previousType = "";
        int open = -1;
        String openType = "";
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            boolean start = startOfChunk(previous, tag.prefix(), previousType, tag.type());
            if (open >= 0 && (start || endOfChunk(previous, tag.prefix(), previousType, tag.type()))) {
                chunks.add(new Chunk(open, i, openType));
                open = -1;
            }
            if (start) {
                open = i;
                openType = tag.type();
            }
            previous = tag.prefix();
            previousType = tag.type();
        }
        if (open >= 0) {
            chunks.add(new Chunk(open, tags.size(), openType));
        }
        return chunks;
    }

    private static boolean endOfChunk(char previous, char tag, String previousType, String type) {
        return previous == 'E'
                || previous == 'S'
                || ((previous == 'B' || previous == 'I') && (tag == 'B' || tag == 'S' || tag == 'O'))
                || (previous != 'O' && !previousType.equals(type));
    }

    private static boolean startOfChunk(char previous, char tag, String previousType, String type) {
        return tag == 'B'
                || tag == 'S'
                || ((previous == 'E' || previous == 'S' || previous == 'O') && (tag == 'E' || tag == 'I'))
                || (tag != 'O' && !previousType.equals(type));
    }
}
