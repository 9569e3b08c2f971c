package org.scholion.export;

import java.util.Set;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * What goes into an export and how.
 *
 * @param labelSets          label sets to include; empty means all
 * @param labels             labels to include; empty means all
 * @param includeSuggestions whether machine suggestions not yet accepted are exported
 * @param csvRaw             CSV without the formula-injection guard, for lossless machine use
 * @param csvExcel           CSV with a byte-order mark, so Excel reads it as UTF-8
 * @param pageSize           paper size of DOCX and PDF briefs
 * @param annotationTable    whether briefs end with the table of annotations
 * @param pdfArchival        whether the PDF is PDF/A-1b
 */
public record ExportOptions(Set<String> labelSets, Set<String> labels, boolean includeSuggestions, boolean csvRaw,
                            boolean csvExcel, PageSize pageSize, boolean annotationTable, boolean pdfArchival) {

    public static final ExportOptions DEFAULT = new ExportOptions(Set.of(), Set.of(), false, false, false,
            PageSize.A4, true, true);

    public ExportOptions {
        labelSets = Set.copyOf(labelSets);
        labels = Set.copyOf(labels);
        if (pageSize == null) {
            pageSize = PageSize.A4;
        }
    }

    public ExportOptions withLabelSets(Set<String> names) {
        return new ExportOptions(names, labels, includeSuggestions, csvRaw, csvExcel, pageSize, annotationTable,
                pdfArchival);
    }

    public ExportOptions withLabels(Set<String> names) {
        return new ExportOptions(labelSets, names, includeSuggestions, csvRaw, csvExcel, pageSize, annotationTable,
                pdfArchival);
    }

    public ExportOptions withSuggestions(boolean include) {
        return new ExportOptions(labelSets, labels, include, csvRaw, csvExcel, pageSize, annotationTable,
                pdfArchival);
    }

    public ExportOptions withCsv(boolean raw, boolean excel) {
        return new ExportOptions(labelSets, labels, includeSuggestions, raw, excel, pageSize, annotationTable,
                pdfArchival);
    }

    public ExportOptions withPageSize(PageSize size) {
        return new ExportOptions(labelSets, labels, includeSuggestions, csvRaw, csvExcel, size, annotationTable,
                pdfArchival);
    }

    public ExportOptions withAnnotationTable(boolean include) {
        return new ExportOptions(labelSets, labels, includeSuggestions, csvRaw, csvExcel, pageSize, include,
                pdfArchival);
    }

    public ExportOptions withPdfArchival(boolean archival) {
        return new ExportOptions(labelSets, labels, includeSuggestions, csvRaw, csvExcel, pageSize, annotationTable,
                archival);
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
                || doc.labelSetOf(span.label()).map(s -> labelSets.contains(s.name())).orElse(false);
    }

    /** The document with only the spans (and relations between them) that go into the export. */
    public AnnotatedDocument select(AnnotatedDocument doc) {
        boolean all = labelSets.isEmpty() && labels.isEmpty()
                && (includeSuggestions || doc.spans().stream().noneMatch(Span::suggestion));
        if (all) {
            return doc;
        }
        AnnotatedDocument.Builder builder = AnnotatedDocument.builder(doc.document()).labelSets(doc.labelSets());
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
}
