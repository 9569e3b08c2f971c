package org.scholion.export.interchange;

import java.util.List;
import org.scholion.core.model.LabelSet;

/**
 * How foreign files become annotation files.
 *
 * @param labelSets     label sets to map the foreign labels onto (e.g. a built-in set chosen with
 *                      {@code --labels}); labels found in none of them go into a new set named
 *                      {@code newLabelSet}
 * @param newLabelSet   the name of the set made for unknown labels, usually derived from the source
 *                      (see {@link ForeignLabels#setNameFor})
 * @param annotator     who the spans are attributed to when the format does not say; may be null
 */
public record ReadOptions(List<LabelSet> labelSets, String newLabelSet, String annotator) {
    public ReadOptions {
        labelSets = List.copyOf(labelSets);
    }

    public static ReadOptions defaults(String newLabelSet) {
        return new ReadOptions(List.of(), newLabelSet, null);
    }
}
