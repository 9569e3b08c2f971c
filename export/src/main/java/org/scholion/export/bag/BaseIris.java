package org.scholion.export.bag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;

/**
 * Gives a document and its labels IRIs under the archive's base IRI where they have none of
 * their own, so that the JSON-LD, the SKOS schemes and the RO-Crate all name them alike.
 */
final class BaseIris {
    private BaseIris() {}

    static AnnotatedDocument apply(AnnotatedDocument doc, String base) {
        if (base == null) {
            return doc;
        }
        List<LabelSet> sets = new ArrayList<>();
        for (LabelSet set : doc.labelSets()) {
            List<Label> labels = new ArrayList<>();
            for (Label label : set.labels()) {
                labels.add(
                        label.iri() != null
                                ? label
                                : new Label(
                                        label.name(),
                                        label.color(),
                                        label.description(),
                                        label.key(),
                                        label(base, set.name(), label.name())));
            }
            sets.add(set.withLabels(labels)); // keeping its attribute names and link prefixes
        }
        Document document = doc.document().iri() != null
                ? doc.document()
                : doc.document().withIri(document(base, doc.document().id()));
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(document).labelSets(sets);
        doc.spans().forEach(builder::span);
        doc.relations().forEach(builder::relation);
        return builder.build();
    }

    static String document(String base, String id) {
        return base + ArchiveBag.DOCUMENTS + "/" + encode(id);
    }

    static String labelSet(String base, String set) {
        return base + ArchiveBag.LABELS + "/" + encode(set);
    }

    static String label(String base, String set, String label) {
        return labelSet(base, set) + "#" + encode(label);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
