package org.scholion.export.webanno;

/**
 * Which span layer of a WebAnno TSV file becomes Scholion's labels on import.
 *
 * @param layer   the span layer ({@code webanno.custom.Span}, {@code
 *                de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity}); null chooses Scholion's own
 *                layer, else NamedEntity, else the first span layer of the file
 * @param feature the feature of that layer whose value is the label; null chooses {@code label},
 *                else {@code value}, else the layer's first feature
 */
public record WebAnnoOptions(String layer, String feature) {
    public static final WebAnnoOptions DEFAULT = new WebAnnoOptions(null, null);

    public WebAnnoOptions {
        layer = layer == null || layer.isBlank() ? null : layer.strip();
        feature = feature == null || feature.isBlank() ? null : feature.strip();
    }
}
