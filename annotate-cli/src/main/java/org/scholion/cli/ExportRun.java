package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Outcome;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;
import org.scholion.export.corpus.CorpusWriter;

/**
 * One run of {@code annotate export} over a corpus: documents are read on all cores, each
 * document's formats are written as separate tasks on all cores (so that one document in five
 * formats uses both cores of a small machine too), and what was written or went wrong is printed
 * in the corpus's order and, within a document, in the order of the formats, so the output is the
 * same however the threads interleave. At most a few documents per thread are in memory at once.
 */
final class ExportRun {
    /** Checks a document before it is exported; a refusal names the file. */
    @FunctionalInterface
    interface Check {
        void accept(AnnotatedDocument document, Path file) throws ScholionException;
    }

    private final Corpus corpus;
    private final Set<Format> formats;
    private final ExportOptions options;
    private final Path folder;
    private final List<CorpusWriter> wholes;
    private final Check check;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Progress progress;
    private final int threads;
    private final Map<String, Path> writtenFor = new HashMap<>();
    private boolean failed;

    ExportRun(
            Corpus corpus,
            Set<Format> formats,
            ExportOptions options,
            Path folder,
            List<CorpusWriter> wholes,
            Check check,
            PrintWriter out,
            PrintWriter err,
            boolean console,
            int threads) {
        this.corpus = corpus;
        this.formats = formats;
        this.options = options;
        this.folder = folder;
        this.wholes = new ArrayList<>(wholes);
        this.check = check;
        this.out = out;
        this.err = err;
        this.progress = new Progress(err, corpus.size(), console);
        this.threads = threads;
    }

    /** The publication formats by the time a first export takes, longest first. */
    private static final List<Format> SLOWEST_FIRST =
            List.of(Format.PDF, Format.DOCX, Format.HTML, Format.JSONLD, Format.CSV);

    private static void prepare(Format format) {
        try {
            Exporters.of(format).prepare();
        } catch (IOException | RuntimeException e) {
            // the export itself meets the same problem and reports it
        }
    }

    /** What one format of one document wrote, or why it failed (then nothing of it is left). */
    private record Done(List<Path> written, String error) {}

    /** Runs the export; returns whether everything was written. */
    boolean run() {
        // what exporters load once (fonts, a colour profile) is loaded while the documents are read
        Thread preparing = new Thread(() -> formats.forEach(ExportRun::prepare), "scholion-prepare");
        preparing.setDaemon(true);
        preparing.start();
        ExecutorService writers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scholion-export");
            t.setDaemon(true);
            return t;
        });
        // per document, one task per format in the order of the formats
        Deque<List<Future<Done>>> pending = new ArrayDeque<>();
        try {
            corpus.parallel(
                    threads,
                    (file, doc) -> {
                        check.accept(doc, file);
                        return doc;
                    },
                    outcome -> {
                        AnnotatedDocument doc = accept(outcome);
                        if (doc == null) {
                            progress.done();
                            return;
                        }
                        if (formats.isEmpty()) {
                            progress.step(outcome.path().toString());
                            progress.done();
                            return;
                        }
                        Path file = outcome.path();
                        // the slowest format first, so that it starts at once; reported in the given order
                        Map<Format, Future<Done>> started = new EnumMap<>(Format.class);
                        for (Format format : SLOWEST_FIRST) {
                            if (formats.contains(format)) {
                                started.put(format, writers.submit(() -> write(doc, file, format)));
                            }
                        }
                        List<Future<Done>> tasks = new ArrayList<>(formats.size());
                        for (Format format : formats) {
                            tasks.add(started.computeIfAbsent(format, f -> writers.submit(() -> write(doc, file, f))));
                        }
                        pending.add(tasks);
                        while (pending.size() > threads) {
                            finish(pending.removeFirst());
                        }
                    });
            while (!pending.isEmpty()) {
                finish(pending.removeFirst());
            }
        } finally {
            writers.shutdownNow();
        }
        for (CorpusWriter whole : wholes) {
            if (writtenFor.isEmpty()) { // no document: no corpus file that would claim to be the corpus
                whole.abandon();
                continue;
            }
            try {
                whole.finish().forEach(out::println);
            } catch (ExportException | RuntimeException e) {
                whole.abandon();
                failed = Commands.report(progress, err, Annotate.message(e, false));
            }
        }
        progress.clear();
        out.flush();
        return !failed;
    }

    /** The document of an outcome once it is known to be exportable, else null (and the failure reported). */
    private AnnotatedDocument accept(Outcome<AnnotatedDocument> outcome) {
        if (!outcome.ok()) {
            failed = Commands.report(progress, err, outcome.failure());
            return null;
        }
        AnnotatedDocument doc = outcome.value();
        Path earlier = writtenFor.putIfAbsent(doc.document().id(), outcome.path());
        if (earlier != null) {
            failed = Commands.report(
                    progress,
                    err,
                    outcome.path() + ": has the same document id '"
                            + doc.document().id() + "' as " + earlier
                            + "; its exports would overwrite those (export it "
                            + "into another folder)");
            return null;
        }
        for (int i = 0; i < wholes.size(); i++) {
            try {
                wholes.get(i).add(doc);
            } catch (ExportException | RuntimeException e) {
                failed = Commands.report(progress, err, outcome.path() + ": " + Annotate.message(e, false));
                wholes.remove(i).abandon();
                i--;
            }
        }
        return doc;
    }

    private Done write(AnnotatedDocument doc, Path file, Format format) {
        try {
            return new Done(Exporters.writeFiles(doc, format, options, folder), null);
        } catch (ExportException | RuntimeException e) {
            return new Done(List.of(), file + ": " + format.extension() + ": " + Annotate.message(e, false));
        }
    }

    /** Waits for one document's formats; prints what they wrote, then what failed, both in format order. */
    private void finish(List<Future<Done>> tasks) {
        List<Path> written = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Future<Done> task : tasks) {
            Done done = result(task);
            written.addAll(done.written());
            if (done.error() != null) {
                errors.add(done.error());
            }
        }
        if (!written.isEmpty()) {
            progress.clear();
            written.forEach(out::println);
            out.flush();
        }
        for (String error : errors) {
            failed = Commands.report(progress, err, error);
        }
        progress.step(written.isEmpty() ? "" : written.get(0).getFileName().toString());
        progress.done();
    }

    private static Done result(Future<Done> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
