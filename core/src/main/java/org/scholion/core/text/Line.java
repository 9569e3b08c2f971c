package org.scholion.core.text;

import java.util.List;

/**
 * One line of text, {@code [start, end)} in code points without its line terminator, cut into
 * fragments; an empty line has none.
 */
public record Line(int number, int start, int end, List<Fragment> fragments) {

    public Line {
        fragments = List.copyOf(fragments);
    }

    /** Whether the line has nothing to show: only white space, and no span on it. */
    public boolean isBlank() {
        return fragments.stream().allMatch(f -> !f.isCovered() && f.text().isBlank());
    }
}
