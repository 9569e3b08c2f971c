package org.scholion.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.export.Format;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.Interchange;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.json.Scores;
import org.scholion.export.jsonld.JsonLdImporter;

/**
 * Model pre-annotation from a file in any interchange format (or JSON-LD): the spans of the
 * document in it that has the annotation file's text (else its id) become suggestions.
 */
final class Predictions {
    private Predictions() {}

    /** The predicted document and how it was found. */
    record Found(AnnotatedDocument document, boolean byText) {}

    /**
     * What taking suggestions did.
     *
     * @param document   the document with the suggestions added
     * @param added      suggestions added
     * @param duplicates predicted spans already there (same range and label)
     * @param lowScore   predicted spans below the minimum score
     * @param unscored   predicted spans without a score, taken although a minimum score was asked
     * @param otherText  predicted spans whose text differs from the file's there (document found by id)
     * @param relations  predicted relations, not taken (suggestions are spans)
     */
    record Result(
            AnnotatedDocument document,
            int added,
            int duplicates,
            int lowScore,
            int unscored,
            int otherText,
            int relations) {}

    /** The format of {@code file}: the one given, else the one its name and content say. */
    static Format format(Path file, String given) {
        if (given != null) {
            Format format = Format.fromName(given);
            if (format.kind() != Format.Kind.INTERCHANGE && format != Format.JSONLD) {
                throw new IllegalArgumentException("--format " + given + " is not a format that holds spans to suggest"
                        + " (use an interchange format or jsonld)");
            }
            return format;
        }
        if (String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".jsonld")) {
            return Format.JSONLD;
        }
        return Interchange.detect(file)
                .orElseThrow(() -> new IllegalArgumentException(
                        "cannot tell the format of " + file + " from its name and content: give --format"));
    }

    /** Reads the document of {@code predictions} that belongs to {@code target}. */
    static Found find(Path predictions, Format format, AnnotatedDocument target, LossReport losses)
            throws ScholionException {
        if (format == Format.JSONLD) {
            return new Found(
                    JsonLdImporter.read(predictions, target.document(), target.labelSets())
                            .document(),
                    true);
        }
        String hash = target.document().sha256();
        String id = target.document().id();
        AnnotatedDocument[] byText = new AnnotatedDocument[1];
        AnnotatedDocument[] byId = new AnnotatedDocument[1];
        ReadOptions options = new ReadOptions(
                target.labelSets(), ForeignLabels.setNameFor(String.valueOf(predictions.getFileName())), null);
        Interchange.reader(format).read(predictions, options, losses, doc -> {
            if (byText[0] == null
                    && doc.document().text().length()
                            == target.document().text().length()
                    && doc.document().sha256().equals(hash)) {
                byText[0] = doc;
            } else if (byId[0] == null && doc.document().id().equals(id)) {
                byId[0] = doc;
            }
        });
        if (byText[0] != null) {
            return new Found(byText[0], true);
        }
        if (byId[0] != null) {
            return new Found(byId[0], false);
        }
        throw new ScholionException(
                predictions.toString(), "no document in it has the text of " + id + " (nor its id)");
    }

    /**
     * Adds the predicted spans to {@code doc} as suggestions.
     *
     * @param label    only spans of this label, or all when null
     * @param minScore the lowest score taken, or NaN for any
     */
    static Result add(
            AnnotatedDocument doc, Found found, String label, double minScore, String annotator, Instant now) {
        AnnotatedDocument predicted = found.document();
        Set<String> taken = new HashSet<>();
        for (Span span : doc.spans()) {
            taken.add(span.start() + ":" + span.end() + ":" + span.label());
        }
        List<Span> added = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        doc.spans().forEach(s -> ids.add(s.id()));
        doc.relations().forEach(r -> ids.add(r.id()));
        int duplicates = 0;
        int low = 0;
        int unscored = 0;
        int other = 0;
        long next = 1;
        for (Span span : predicted.spans()) {
            if (label != null && !label.equals(span.label())) {
                continue;
            }
            OptionalDouble score = Scores.of(span.note());
            if (!Double.isNaN(minScore)) {
                if (score.isEmpty()) {
                    unscored++;
                } else if (score.getAsDouble() < minScore) {
                    low++;
                    continue;
                }
            }
            if (!found.byText()
                    && (span.end() > doc.text().length()
                            || !doc.text().slice(span.start(), span.end()).equals(predicted.textOf(span)))) {
                other++;
                continue;
            }
            if (!taken.add(span.start() + ":" + span.end() + ":" + span.label())) {
                duplicates++;
                continue;
            }
            String id;
            do {
                id = "s" + next++;
            } while (ids.contains(id));
            ids.add(id);
            added.add(new Span(
                    id,
                    span.start(),
                    span.end(),
                    span.label(),
                    span.note(),
                    span.annotator() != null ? span.annotator() : annotator,
                    now,
                    true));
        }
        AnnotatedDocument result = doc;
        if (!added.isEmpty()) {
            Set<String> used = new HashSet<>();
            added.forEach(s -> used.add(s.label()));
            for (LabelSet set : predicted.labelSets()) {
                // the known sets are the file's own; a set that holds a label the file lacks is the new one
                // (or a known one the new labels were added to, when it has the new set's name)
                AnnotatedDocument current = result;
                if (set.labels().stream()
                        .anyMatch(l -> used.contains(l.name())
                                && current.label(l.name()).isEmpty())) {
                    result = result.withLabelSet(set);
                }
            }
            result = result.withSpans(added);
        }
        return new Result(
                result,
                added.size(),
                duplicates,
                low,
                unscored,
                other,
                predicted.relations().size());
    }
}
