package org.scholion.export.brief;

import java.util.List;

/** The parts of a printed brief, in the order every format draws them. */
public enum Section {
    TITLE,
    FACTS,
    LEGEND,
    CHART,
    TEXT,
    ANNOTATIONS;

    private static final List<Section> ALL = List.of(values());
    private static final List<Section> WITHOUT_TABLE = ALL.subList(0, ALL.size() - 1);

    /** The sections in order; the table of annotations last, if there is one. */
    public static List<Section> inOrder(boolean annotationTable) {
        return annotationTable ? ALL : WITHOUT_TABLE;
    }
}
