package org.scholion.export.brief;

import java.util.List;

/**
 * How one fragment of text is drawn: filled with the innermost span's tint, underlined once
 * per enclosing span in that span's line colour (outer first). Plain text has no fill.
 */
public record FragmentStyle(Tint fill, List<Tint> underlines) {
    public static final FragmentStyle PLAIN = new FragmentStyle(null, List.of());

    public FragmentStyle {
        underlines = List.copyOf(underlines);
    }

    public boolean isPlain() {
        return fill == null;
    }
}
