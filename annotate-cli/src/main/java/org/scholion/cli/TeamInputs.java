package org.scholion.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;

/**
 * The inputs of the team commands: annotation files, or folders of them paired by document text
 * hash. The folder walk is the one place to replace with {@code core.corpus} when that lands.
 */
final class TeamInputs {
    /** A document missing from some inputs. */
    record Missing(String document, String file, List<String> missingFrom) {
    }

    /**
     * What was read.
     *
     * @param names     one name per input (the file or folder name as given)
     * @param documents each paired document, one version per input
     * @param files     the files of each paired document, one per input
     * @param missing   documents not in every folder
     */
    record Read(List<String> names, List<List<AnnotatedDocument>> documents, List<List<Path>> files,
                List<Missing> missing) {
    }

    private TeamInputs() {
    }

    /** Reads files, or folders paired by text hash; mixing the two is refused by {@code usage}. */
    static Read read(List<Path> inputs) throws ScholionException {
        List<String> names = inputs.stream().map(Path::toString).toList();
        boolean folders = Files.isDirectory(inputs.get(0));
        for (Path p : inputs) {
            if (Files.isDirectory(p) != folders) {
                throw new IllegalArgumentException("give annotation files or folders, not both (" + p + ")");
            }
        }
        if (!folders) {
            List<AnnotatedDocument> versions = new ArrayList<>();
            for (Path p : inputs) {
                versions.add(AnnotationFile.at(p).read());
            }
            return new Read(names, List.of(versions), List.of(inputs), List.of());
        }
        List<Map<String, Path>> byHash = new ArrayList<>();
        List<Map<String, AnnotatedDocument>> docs = new ArrayList<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (Path folder : inputs) {
            Map<String, Path> files = new LinkedHashMap<>();
            Map<String, AnnotatedDocument> read = new LinkedHashMap<>();
            for (Path file : annotationFiles(folder)) {
                AnnotatedDocument doc = AnnotationFile.at(file).read();
                String hash = doc.document().sha256();
                if (files.putIfAbsent(hash, file) != null) {
                    throw new ScholionException(file.toString(), "annotates the same text as " + files.get(hash)
                            + " in the same folder");
                }
                read.put(hash, doc);
                hashes.add(hash);
            }
            byHash.add(files);
            docs.add(read);
        }
        List<List<AnnotatedDocument>> paired = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (String hash : hashes) {
            List<String> absent = new ArrayList<>();
            Path some = null;
            String id = null;
            for (int i = 0; i < inputs.size(); i++) {
                if (!byHash.get(i).containsKey(hash)) {
                    absent.add(names.get(i));
                } else if (some == null) {
                    some = byHash.get(i).get(hash);
                    id = docs.get(i).get(hash).document().id();
                }
            }
            if (!absent.isEmpty()) {
                missing.add(new Missing(id, some.toString(), absent));
                continue;
            }
            List<AnnotatedDocument> versions = new ArrayList<>();
            List<Path> where = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                versions.add(docs.get(i).get(hash));
                where.add(byHash.get(i).get(hash));
            }
            paired.add(versions);
            files.add(where);
        }
        return new Read(names, paired, files, missing);
    }

    /** Every {@code *.scholion.json} under the folder, sorted by path. */
    static List<Path> annotationFiles(Path folder) throws ScholionException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".scholion.json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ScholionException(folder.toString(), "cannot list: " + e.getMessage(), e);
        }
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
