package org.scholion.export.bag;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.creator.CreateTagManifestsVistor;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.writer.ManifestWriter;
import gov.loc.repository.bagit.writer.MetadataWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Outcome;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.export.ExportException;
import org.scholion.export.ExportOptions;
import org.scholion.export.Exporters;
import org.scholion.export.Format;

/**
 * Writes annotation files as one BagIt 1.0 bag. The payload ({@code data/}) holds
 * {@code documents/<id>/} with the source text, the annotation file, JSON-LD, CSV and the PDF
 * brief of each document, {@code labels/<set>.jsonld} with each label set as a SKOS concept
 * scheme, and {@code ro-crate-metadata.json} describing all of it. Documents are read one at a
 * time. The bag is made in a hidden sibling folder and renamed into place when complete, so a
 * failed export leaves nothing half-written.
 */
public final class ArchiveBag {
    static final String DOCUMENTS = "documents";
    static final String LABELS = "labels";
    private static final List<Format> DOCUMENT_FORMATS = List.of(Format.JSONLD, Format.CSV, Format.PDF);

    private ArchiveBag() {}

    /**
     * Writes the bag of {@code annotationFiles} into the new folder {@code target}, on every core.
     *
     * @param progress told the name of each document as its turn comes
     * @throws ExportException naming the file, when a file cannot be read, two files have the same
     *                         document id, {@code target} exists, or writing fails
     */
    public static void write(
            List<Path> annotationFiles,
            Path target,
            BagOptions options,
            ExportOptions exportOptions,
            Consumer<String> progress)
            throws ExportException {
        write(annotationFiles, target, options, exportOptions, Corpus.cores(), progress);
    }

    /**
     * Writes the bag on {@code threads} threads: each document's files are made in a staging folder
     * of its own, then moved into the bag in the order of {@code annotationFiles}, so the bag and
     * its RO-Crate are the same whatever the number of threads.
     */
    public static void write(
            List<Path> annotationFiles,
            Path target,
            BagOptions options,
            ExportOptions exportOptions,
            int threads,
            Consumer<String> progress)
            throws ExportException {
        if (Files.exists(target)) {
            throw new ExportException(target + ": already exists; a bag is written into a new folder");
        }
        Path parent = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            // the bag's own folder must not be hidden: the BagIt library skips hidden folders when it lists files
            Path root = Files.createDirectory(temp.resolve("bag"));
            Path staging = Files.createDirectory(temp.resolve("staging"));
            Path documents = Files.createDirectory(root.resolve(DOCUMENTS));
            RoCrate crate = new RoCrate(options);
            Map<String, LabelSet> labelSets = new LinkedHashMap<>();
            Map<String, Path> sourceOfId = new HashMap<>();
            Corpus.listed(annotationFiles)
                    .parallel(
                            threads,
                            (file, doc) -> stage(file, BaseIris.apply(doc, options.baseIri()), staging, exportOptions),
                            outcome -> {
                                try {
                                    Staged staged = take(outcome);
                                    String id = staged.document().id();
                                    Path earlier = sourceOfId.putIfAbsent(id, outcome.path());
                                    if (earlier != null) {
                                        throw new ExportException(outcome.path() + ": has the same document id '" + id
                                                + "' as " + earlier + "; a bag holds each document once");
                                    }
                                    progress.accept(id);
                                    Path folder = Files.move(staged.folder(), documents.resolve(id));
                                    crate.document(
                                            staged.document(),
                                            root,
                                            staged.files().stream()
                                                    .map(folder::resolve)
                                                    .toList());
                                    for (LabelSet set : staged.labelSets()) {
                                        labelSets.merge(set.name(), set, ArchiveBag::union);
                                    }
                                } catch (ExportException e) {
                                    throw new Stop(e);
                                } catch (IOException e) {
                                    throw new Stop(new ExportException(
                                            target + ": cannot write the bag: " + e.getMessage(), e));
                                }
                            });
            Files.delete(staging);
            Files.createDirectories(root.resolve(LABELS));
            for (LabelSet set : labelSets.values()) {
                Path file = root.resolve(LABELS).resolve(set.name() + ".jsonld");
                Skos.write(set, options.baseIri(), file);
                crate.labelSet(set, root, file);
            }
            crate.write(root.resolve(RoCrate.FILE_NAME));
            bag(root, options);
            Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(temp);
            temp = null;
        } catch (Stop e) {
            throw e.failure;
        } catch (FileAlreadyExistsException e) {
            throw new ExportException(target + ": already exists; a bag is written into a new folder", e);
        } catch (IOException e) {
            throw new ExportException(target + ": cannot write the bag: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /** One document's files, made in a staging folder of its own, named relative to it. */
    private record Staged(Document document, List<LabelSet> labelSets, Path folder, List<String> files) {}

    /** Carries a failure out of the in-order step of {@link Corpus#parallel}, which stops everything. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ExportException failure;

        Stop(ExportException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private static Staged stage(Path file, AnnotatedDocument doc, Path staging, ExportOptions exportOptions)
            throws IOException, ExportException {
        String id = doc.document().id();
        Path folder = Files.createTempDirectory(staging, "document");
        Path text = folder.resolve(id + ".txt");
        Files.writeString(text, doc.document().text(), StandardCharsets.UTF_8);
        Path copy = folder.resolve(id + ".scholion.json");
        Files.copy(file, copy);
        List<Path> written = new ArrayList<>(List.of(text, copy));
        for (Format format : DOCUMENT_FORMATS) {
            written.addAll(Exporters.writeFiles(doc, format, exportOptions, folder));
        }
        return new Staged(
                doc.document(),
                doc.labelSets(),
                folder,
                written.stream().map(p -> folder.relativize(p).toString()).toList());
    }

    private static Staged take(Outcome<Staged> outcome) throws ExportException {
        if (!outcome.ok()) {
            throw new ExportException(outcome.failure());
        }
        return outcome.value();
    }

    /** The labels of both sets of one name, those of the first kept where both have one. */
    private static LabelSet union(LabelSet first, LabelSet second) {
        LabelSet union = first;
        for (Label label : second.labels()) {
            if (union.label(label.name()).isEmpty()) {
                union = union.withLabel(
                        label.key() != null
                                        && union.labels().stream()
                                                .anyMatch(l -> label.key().equals(l.key()))
                                ? new Label(label.name(), label.color(), label.description(), null, label.iri())
                                : label);
            }
        }
        return union;
    }

    /** Moves the folder's content into {@code data/} and writes the BagIt files around it. */
    private static void bag(Path root, BagOptions options) throws IOException {
        Metadata metadata = new Metadata();
        add(metadata, "Source-Organization", options.organisation());
        add(metadata, "Contact-Name", options.contact());
        add(metadata, "Contact-Email", options.email());
        add(metadata, "External-Description", options.description());
        metadata.add("Bag-Software-Agent", RoCrate.SOFTWARE_NAME);
        Bag bag;
        try {
            bag = BagCreator.bagInPlace(root, List.of(StandardSupportedAlgorithms.SHA256), false, metadata);
            // the library stamps today's date: the date is the caller's, so rewrite bag-info.txt and its checksum
            Metadata info = bag.getMetadata();
            info.remove("Bagging-Date");
            info.add("Bagging-Date", options.date().toString());
            MetadataWriter.writeBagMetadata(info, bag.getVersion(), root, StandardCharsets.UTF_8);
            Manifest tags = new Manifest(StandardSupportedAlgorithms.SHA256);
            Map<Manifest, MessageDigest> digests = Map.of(tags, MessageDigest.getInstance("SHA-256"));
            Files.deleteIfExists(root.resolve("tagmanifest-sha256.txt"));
            Files.walkFileTree(root, new CreateTagManifestsVistor(digests, false));
            ManifestWriter.writeTagManifests(Set.of(tags), root, root, StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void add(Metadata metadata, String key, String value) {
        if (value != null) {
            metadata.add(key, value);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the export already failed loudly
                }
            });
        } catch (IOException ignored) {
            // the export already failed loudly
        }
    }
}
