package org.scholion.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.core.corpus.Entry;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/**
 * The inputs of the team commands: annotation files, or folders and globs of them paired by
 * document text hash. Folders and globs are walked by {@link Corpus}, as every other command does.
 */
final class TeamInputs {
    /** A document missing from some inputs. */
    record Missing(String document, String file, List<String> missingFrom) {}

    /**
     * What was read.
     *
     * @param names     one name per input (the file, folder or glob as given)
     * @param documents each paired document, one version per input
     * @param files     the files of each paired document, one per input
     * @param missing   documents not in every folder
     * @param problems  what could not be read, one line each naming the file or argument
     */
    record Read(
            List<String> names,
            List<List<AnnotatedDocument>> documents,
            List<List<Path>> files,
            List<Missing> missing,
            List<String> problems) {
        Read {
            names = List.copyOf(names);
            documents = List.copyOf(documents);
            files = List.copyOf(files);
            missing = List.copyOf(missing);
            problems = List.copyOf(problems);
        }
    }

    private TeamInputs() {}

    /**
     * Reads annotation files, or folders and globs of them paired by text hash. A file named directly
     * that cannot be read stops everything; in a folder, it is one of the problems and the rest go on.
     *
     * @throws IllegalArgumentException when files are mixed with folders or globs (a usage error)
     */
    static Read read(List<String> inputs) throws ScholionException {
        boolean many = Corpus.namesMany(inputs.get(0));
        for (String input : inputs) {
            if (Corpus.namesMany(input) != many) {
                throw new IllegalArgumentException("give annotation files or folders, not both (" + input + ")");
            }
        }
        if (!many) {
            List<AnnotatedDocument> versions = new ArrayList<>();
            List<Path> paths = new ArrayList<>();
            for (String input : inputs) {
                Path p = Path.of(input);
                versions.add(AnnotationFile.at(p).read());
                paths.add(p);
            }
            return new Read(inputs, List.of(versions), List.of(paths), List.of(), List.of());
        }
        List<String> problems = new ArrayList<>();
        List<Map<String, Entry>> byHash = new ArrayList<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (String input : inputs) {
            Map<String, Entry> read = new LinkedHashMap<>();
            Iterator<Entry> entries = Corpus.of(List.of(input)).stream().iterator();
            while (entries.hasNext()) {
                Entry entry = entries.next();
                if (!entry.ok()) {
                    problems.add(entry.failure());
                    continue;
                }
                String hash = entry.document().document().sha256();
                Entry before = read.putIfAbsent(hash, entry);
                if (before != null) {
                    throw new ScholionException(
                            entry.path().toString(),
                            "annotates the same text as " + before.path() + " in the same folder");
                }
                hashes.add(hash);
            }
            byHash.add(read);
        }
        List<List<AnnotatedDocument>> paired = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (String hash : hashes) {
            List<String> absent = new ArrayList<>();
            Entry some = null;
            for (int i = 0; i < inputs.size(); i++) {
                Entry entry = byHash.get(i).get(hash);
                if (entry == null) {
                    absent.add(inputs.get(i));
                } else if (some == null) {
                    some = entry;
                }
            }
            if (!absent.isEmpty()) {
                missing.add(
                        new Missing(some.document().document().id(), some.path().toString(), absent));
                continue;
            }
            List<AnnotatedDocument> versions = new ArrayList<>();
            List<Path> where = new ArrayList<>();
            for (Map<String, Entry> read : byHash) {
                versions.add(read.get(hash).document());
                where.add(read.get(hash).path());
            }
            paired.add(versions);
            files.add(where);
        }
        return new Read(inputs, paired, files, missing, problems);
    }

    /** Who made a file's spans: their one annotator, else the file's name without {@code .scholion.json}. */
    static String annotatorName(Path file, AnnotatedDocument doc) {
        Set<String> who = new LinkedHashSet<>();
        for (Span s : doc.spans()) {
            if (!s.suggestion()) {
                who.add(s.annotator() == null ? "" : s.annotator());
            }
        }
        String name = who.size() == 1 ? who.iterator().next() : "";
        if (name.isBlank() || name.contains(",")) {
            name = file.getFileName().toString().replaceFirst("\\.scholion\\.json$", "");
        }
        return name.replace(",", "_");
    }

    /** The SHA-256 of the file's bytes, lower-case hex. */
    static String fileHash(Path file) throws ScholionException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ScholionException(file.toString(), "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
