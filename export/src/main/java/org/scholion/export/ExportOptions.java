package org.scholion.export;

import java.util.Objects;
import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * What goes into an export and how; made with {@link #builder()} or {@link #toBuilder()}.
 *
 * <pre>{@code
 * ExportOptions options = ExportOptions.builder()
 *         .labelSets(Set.of("propaganda"))
 *         .brief(new BriefOptions(PageSize.LETTER, true, true))
 *         .build();
 * }</pre>
 *
 * @param labelSets          label sets to include; empty means all
 * @param labels             labels to include; empty means all
 * @param includeSuggestions whether machine suggestions not yet accepted are exported
 * @param csv                how CSV is written
 * @param brief              how the DOCX and PDF briefs are laid out
 */
public record ExportOptions(
        Set<String> labelSets, Set<String> labels, boolean includeSuggestions, CsvOptions csv, BriefOptions brief) {

    /** All spans but suggestions, guarded CSV, A4 briefs with the table, PDF/A-1b. */
    public static final ExportOptions DEFAULT = builder().build();

    public ExportOptions {
        labelSets = Set.copyOf(labelSets);
        labels = Set.copyOf(labels);
        Objects.requireNonNull(csv, "csv options");
        Objects.requireNonNull(brief, "brief options");
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .labelSets(labelSets)
                .labels(labels)
                .includeSuggestions(includeSuggestions)
                .csv(csv)
                .brief(brief);
    }

    /** Whether a span goes into the export. */
    public boolean includes(AnnotatedDocument doc, Span span) {
        if (span.suggestion() && !includeSuggestions) {
            return false;
        }
        if (!labels.isEmpty() && !labels.contains(span.label())) {
            return false;
        }
        return labelSets.isEmpty()
                || doc.labelSetOf(span.label())
                        .map(s -> labelSets.contains(s.name()))
                        .orElse(false);
    }

    /** The document with only the spans (and relations between them) that go into the export. */
    public AnnotatedDocument select(AnnotatedDocument doc) {
        boolean all = labelSets.isEmpty()
                && labels.isEmpty()
                && (includeSuggestions || doc.spans().stream().noneMatch(Span::suggestion));
        if (all) {
            return doc;
        }
        AnnotatedDocument.Builder builder =
                AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
        for (Span span : doc.spans()) {
            if (includes(doc, span)) {
                builder.span(span);
            }
        }
        for (Relation relation : doc.relations()) {
            if (builder.hasSpan(relation.from()) && builder.hasSpan(relation.to())) {
                builder.relation(relation);
            }
        }
        return builder.build();
    }

    /** Builds {@link ExportOptions}; each setter replaces what was set before. */
    public static final class Builder {
        private Set<String> labelSets = Set.of();
        private Set<String> labels = Set.of();
        private boolean includeSuggestions;
        private CsvOptions csv = CsvOptions.DEFAULT;
        private BriefOptions brief = BriefOptions.DEFAULT;

        private Builder() {}

        /** Only spans of these label sets; empty means all. */
        public Builder labelSets(Set<String> names) {
            this.labelSets = Set.copyOf(names);
            return this;
        }

        /** Only spans with these labels; empty means all. */
        public Builder labels(Set<String> names) {
            this.labels = Set.copyOf(names);
            return this;
        }

        /** Whether machine suggestions not yet accepted are exported (default: no). */
        public Builder includeSuggestions(boolean include) {
            this.includeSuggestions = include;
            return this;
        }

        public Builder csv(CsvOptions options) {
            this.csv = Objects.requireNonNull(options, "csv options");
            return this;
        }

        public Builder brief(BriefOptions options) {
            this.brief = Objects.requireNonNull(options, "brief options");
            return this;
        }

        public ExportOptions build() {
            return new ExportOptions(labelSets, labels, includeSuggestions, csv, brief);
        }
    }
}
