package org.scholion.export.ptc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.export.Format;
import org.scholion.export.interchange.DocumentReader;
import org.scholion.export.interchange.ForeignLabels;
import org.scholion.export.interchange.LossReport;
import org.scholion.export.interchange.ReadOptions;
import org.scholion.export.interchange.TextFiles;

/**
 * Reads the propaganda techniques corpus (SemEval-2020 Task 11): {@code article<ID>.txt} and its
 * labels, rows of {@code ID TECHNIQUE START END} (tab-separated; the corpus' own README also shows
 * spaces), offsets in code points of the article. It takes every release's naming: an article's
 * {@code .labels.tsv}, {@code .task-flc-tc.labels} or {@code .task2-TC.labels} file, a file of the
 * labels of many articles ({@code train-task-flc-tc.labels}), span-only rows ({@code ID START END},
 * task SI, labelled {@value #NO_TECHNIQUE}) and the test template's {@code ?}. The document id is the
 * article ID; the text and the labels may be in folders beside each other, as in the corpus.
 */
public final class PtcReader implements DocumentReader {
    /** The label of a row that names no technique (task SI, or {@code ?} in a template). */
    static final String NO_TECHNIQUE = "Propaganda";

    @Override
    public Format format() {
        return Format.PTC;
    }

    @Override
    public Path primary(Path file) {
        if (PtcFiles.isText(file)) {
            String id = PtcFiles.articleId(file).orElseThrow();
            return PtcFiles.labels(file, id).orElse(file);
        }
        return file;
    }

    @Override
    public void read(Path given, ReadOptions options, LossReport losses, DocumentSink sink) throws ScholionException {
        Path source = given;
        if (!Files.isRegularFile(source)) {
            throw new ScholionException(source.toString(), Files.exists(source) ? "is not a file" : "no such file");
        }
        Optional<String> articleId = PtcFiles.articleId(source);
        if (PtcFiles.isText(source)) {
            String id = articleId.orElseThrow();
            Optional<Path> labels = PtcFiles.labels(source, id);
            if (labels.isEmpty()) {
                sink.accept(document(id, TextFiles.readUtf8(source), List.of(), options, losses, source.toString()));
                return;
            }
            source = labels.get();
        }
        Path labelsFile = source;
        Map<String, List<Row>> rows = rows(labelsFile, articleId.orElse(null));
        if (articleId.isPresent() && !rows.containsKey(articleId.get())) {
            rows.put(articleId.get(), List.of());
        }
        // every article is found and read before the first reaches the sink: a missing one writes nothing
        List<AnnotatedDocument> documents = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : rows.entrySet()) {
            String id = e.getKey();
            Path text = PtcFiles.text(labelsFile, id)
                    .orElseThrow(() -> new ScholionException(
                            labelsFile.toString(),
                            e.getValue().isEmpty() ? 0 : e.getValue().get(0).line(),
                            0,
                            "article" + id + ".txt is neither beside it nor in a folder beside its folder",
                            null));
            documents.add(document(id, TextFiles.readUtf8(text), e.getValue(), options, losses, labelsFile.toString()));
        }
        for (AnnotatedDocument doc : documents) {
            sink.accept(doc);
        }
    }

    /** One row of a labels file. */
    record Row(int line, String id, String technique, long start, long end) {}

    /** The rows of a labels file by article id, in the order first met. */
    static Map<String, List<Row>> rows(Path file, String onlyId) throws ScholionException {
        String source = file.toString();
        List<String> lines = TextFiles.lines(TextFiles.readUtf8(file), source);
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Row row = row(line, i + 1, source);
            if (onlyId != null && !row.id().equals(onlyId)) {
                throw new ScholionException(
                        source,
                        i + 1,
                        0,
                        "row is about article " + row.id() + ", but the file is article" + onlyId + "'s",
                        null);
            }
            rows.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
        }
        return rows;
    }

    private static Row row(String line, int number, String source) throws ScholionException {
        String[] fields = line.split("\\s+");
        if (fields.length < 3) {
            throw new ScholionException(
                    source,
                    number,
                    0,
                    "row is not 'ID<TAB>TECHNIQUE<TAB>START<TAB>END' (it has " + fields.length + " fields)",
                    null);
        }
        String id = fields[0];
        long start = number(fields[fields.length - 2], "start", number, source);
        long end = number(fields[fields.length - 1], "end", number, source);
        // the technique is what lies between the id and the offsets (the README writes it with spaces)
        String technique = String.join(" ", Arrays.asList(fields).subList(1, fields.length - 2));
        if (!id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':')) {
            throw new ScholionException(source, number, 0, "'" + id + "' is not an article id", null);
        }
        return new Row(number, id, technique, start, end);
    }

    private static long number(String s, String what, int line, String source) throws ScholionException {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ScholionException(
                    source,
                    line,
                    0,
                    what + " offset '" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "' is not a number",
                    null);
        }
        return Long.parseLong(s);
    }

    private static AnnotatedDocument document(
            String id, String text, List<Row> rows, ReadOptions options, LossReport losses, String source)
            throws ScholionException {
        CodePointText cp = CodePointText.of(text);
        ForeignLabels labels = new ForeignLabels(options);
        Map<String, String> spelling = spellings(options.labelSets());
        List<Span> spans = new ArrayList<>();
        java.util.Set<String> places = new java.util.HashSet<>();
        for (Row row : rows) {
            if (row.end() > cp.length() || row.start() > row.end()) {
                throw new ScholionException(
                        source,
                        row.line(),
                        0,
                        String.format(
                                Locale.ROOT,
                                "span %d:%d is outside article%s.txt, which has %d code points",
                                row.start(),
                                row.end(),
                                id,
                                cp.length()),
                        null);
            }
            if (row.start() == row.end()) {
                losses.add(
                        "ptc", source, row.line(), "empty spans not imported", row.technique() + " at " + row.start());
                continue;
            }
            String technique =
                    row.technique().isEmpty() || row.technique().equals("?") ? NO_TECHNIQUE : row.technique();
            String known = spelling.get(canonical(technique));
            if (known != null && !known.equals(technique)) {
                losses.add(
                        "ptc",
                        source,
                        row.line(),
                        "technique spellings mapped onto the label set",
                        technique + " became " + known);
                technique = known;
            }
            try {
                String label = labels.resolve(technique);
                // the corpus lists some fragments twice; a document holds one span per offsets and label
                if (!places.add(row.start() + ":" + row.end() + ":" + label)) {
                    losses.add(
                            "ptc",
                            source,
                            row.line(),
                            "rows repeating a span not imported",
                            label + " at " + row.start() + ":" + row.end());
                    continue;
                }
                spans.add(new Span(
                        "s" + (spans.size() + 1),
                        (int) row.start(),
                        (int) row.end(),
                        label,
                        null,
                        options.annotator(),
                        null,
                        false));
            } catch (IllegalArgumentException e) {
                throw new ScholionException(source, row.line(), 0, e.getMessage(), null);
            }
        }
        try {
            Document document = new Document(TextFiles.documentId(id), null, null, "text/plain", null, Map.of(), text);
            return AnnotatedDocument.builder(document)
                    .labelSets(labels.labelSets())
                    .build()
                    .withSpans(spans);
        } catch (IllegalArgumentException e) {
            throw new ScholionException(source, e.getMessage());
        }
    }

    /** The known labels by their spelling without case, spaces or the z/s of Minimi[sz]ation. */
    private static Map<String, String> spellings(List<LabelSet> sets) {
        Map<String, String> map = new HashMap<>();
        for (LabelSet set : sets) {
            for (Label label : set.labels()) {
                map.putIfAbsent(canonical(label.name()), label.name());
            }
        }
        return map;
    }

    static String canonical(String technique) {
        return technique.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "_").replace("minimization", "minimisation");
    }
}
