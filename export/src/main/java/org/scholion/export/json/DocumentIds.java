package org.scholion.export.json;

import java.util.HashSet;
import java.util.Set;
import org.scholion.core.model.Document;

/**
 * Ids for the documents of one foreign file: the file's own id when it is a valid, unused document
 * id, else {@code <file-stem>-<n>} with the foreign number, else {@code <file-stem>-line<line>}.
 */
public final class DocumentIds {
    private final String stem;
    private final Set<String> used = new HashSet<>();

    public DocumentIds(String stem) {
        this.stem = stem;
    }

    /**
     * @param own    the id the file gives as a string, or null
     * @param number the id the file gives as a number, or null
     * @return the id to use, unique in the file
     */
    public String next(String own, String number, int line) {
        for (String candidate : new String[] {own, number == null ? null : stem + "-" + number}) {
            if (candidate != null && valid(candidate) && used.add(candidate)) {
                return candidate;
            }
        }
        String id = stem + "-line" + line;
        for (int n = 2; !used.add(id); n++) {
            id = stem + "-line" + line + "-" + n;
        }
        return id;
    }

    private static boolean valid(String id) {
        try {
            Document.of(id, "");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
