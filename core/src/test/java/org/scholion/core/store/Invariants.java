package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Segmentation;

/** What every loaded annotation file must satisfy, checked independently of the model's own checks. */
final class Invariants {
    private Invariants() {}

    /** Fails with an assertion error when {@code snapshot} breaks an invariant or does not survive a round trip. */
    static void check(Snapshot snapshot) {
        AnnotatedDocument doc = snapshot.document();
        int length = doc.text().length();
        assertThat(doc.text().string().codePointCount(0, doc.text().string().length()))
                .isEqualTo(length);
        assertThat(doc.document().sha256()).matches("[0-9a-f]{64}");

        Set<String> labels = new HashSet<>();
        for (LabelSet set : doc.labelSets()) {
            for (Label label : set.labels()) {
                assertThat(labels.add(label.name()))
                        .as("label %s is unique", label.name())
                        .isTrue();
            }
        }
        Set<String> ids = new HashSet<>();
        for (Span span : doc.spans()) {
            assertThat(ids.add(span.id())).as("span id %s is unique", span.id()).isTrue();
            assertThat(span.start()).isGreaterThanOrEqualTo(0).isLessThan(span.end());
            assertThat(span.end()).isLessThanOrEqualTo(length);
            assertThat(labels).contains(span.label());
            assertThat(doc.textOf(span).codePointCount(0, doc.textOf(span).length()))
                    .isEqualTo(span.length());
        }
        assertThat(doc.spans()).isSortedAccordingTo(Span.ORDER);
        Set<String> relationIds = new HashSet<>();
        for (Relation relation : doc.relations()) {
            assertThat(relationIds.add(relation.id())).isTrue();
            assertThat(ids).contains(relation.from(), relation.to());
        }

        List<Fragment> fragments = Segmentation.of(doc.text(), doc.spans());
        assertThat(fragments.stream().map(Fragment::text).collect(Collectors.joining()))
                .isEqualTo(doc.text().string());

        // what was read must be writable and read back the same: a file that loads but cannot be saved loses work
        byte[] bytes = AnnotationFile.toBytes(snapshot);
        Snapshot again;
        try {
            again = AnnotationFile.parse(new ByteArrayInputStream(bytes), "round-trip");
        } catch (ScholionException e) {
            throw new AssertionError("a loaded file did not read back after writing: " + e.getMessage(), e);
        }
        assertThat(again.document()).isEqualTo(doc);
        assertThat(again.history()).isEqualTo(snapshot.history());
        assertThat(AnnotationFile.toBytes(again)).isEqualTo(bytes);
    }
}
