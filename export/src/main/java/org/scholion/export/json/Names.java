package org.scholion.export.json;

import java.util.regex.Pattern;

/** Foreign names made fit for the model, the same way in every JSON format. */
public final class Names {
    private static final Pattern NOT_TYPE = Pattern.compile("[^\\p{L}\\p{N}._:/#-]+");
    private static final Pattern TYPE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/#-]{0,99}");

    private Names() {}

    /**
     * A relation type the model holds: the foreign type itself when it is a word of letters,
     * digits and {@code . _ : / # -}, else each run of other characters replaced by {@code _}
     * ({@code founded by} gives {@code founded_by}); null when nothing is left.
     */
    public static String relationType(String foreign) {
        if (foreign == null) {
            return null;
        }
        if (TYPE.matcher(foreign).matches()) {
            return foreign;
        }
        String type = NOT_TYPE.matcher(foreign.strip()).replaceAll("_").replaceAll("^[^\\p{L}\\p{N}]+", "");
        if (type.length() > 100) {
            type = type.substring(0, 100);
        }
        return TYPE.matcher(type).matches() ? type : null;
    }
}
