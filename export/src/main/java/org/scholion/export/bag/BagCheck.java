package org.scholion.export.bag;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a bag as RFC 8493 asks — every file of every manifest present with its checksum, no
 * payload file outside the manifest, the Payload-Oxum right — and names every file that is
 * missing, altered or unexpected, not only the first; then lets the BagIt library check the rest.
 */
public final class BagCheck {
    private BagCheck() {}

    /** One thing wrong with a bag: the file (relative to the bag, {@code /} separated) and what. */
    public record Problem(String file, String problem) {
        @Override
        public String toString() {
            return file + ": " + problem;
        }
    }

    /** The problems of the bag in {@code folder}, in a stable order; empty when it is valid. */
    public static List<Problem> check(Path folder) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new Problem(folder.toString(), Files.exists(folder) ? "is not a folder" : "no such bag"));
            return problems;
        }
        if (!Files.isRegularFile(folder.resolve("bagit.txt"))) {
            problems.add(new Problem("bagit.txt", "missing: this is not a BagIt bag"));
            return problems;
        }
        Bag bag;
        try {
            bag = new BagReader().read(folder);
        } catch (Exception e) {
            problems.add(new Problem("bagit.txt", "cannot be read as a bag: " + message(e)));
            return problems;
        }
        if (bag.getPayLoadManifests().isEmpty()) {
            problems.add(new Problem("manifest-sha256.txt", "missing: a bag needs a payload manifest"));
        }
        Set<Path> listed = new HashSet<>();
        for (Manifest manifest : bag.getPayLoadManifests()) {
            checkManifest(folder, manifest, problems, listed);
        }
        for (Manifest manifest : bag.getTagManifests()) {
            checkManifest(folder, manifest, problems, new HashSet<>());
        }
        Path data = folder.resolve("data");
        long files = 0;
        long bytes = 0;
        if (Files.isDirectory(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files++;
                    bytes += Files.size(file);
                    if (!listed.contains(file.toAbsolutePath().normalize())) {
                        problems.add(new Problem(relative(folder, file), "not in the payload manifest"));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem("data", "cannot be read: " + message(e)));
            }
        } else {
            problems.add(new Problem("data", "missing: a bag needs a payload folder"));
        }
        List<String> oxum = bag.getMetadata().get("Payload-Oxum");
        if (oxum != null && !oxum.isEmpty()) {
            String actual = bytes + "." + files;
            if (!oxum.get(0).strip().equals(actual)) {
                problems.add(new Problem(
                        "bag-info.txt",
                        "Payload-Oxum is " + oxum.get(0).strip() + " (bytes.files) but the " + "payload has "
                                + actual));
            }
        }
        if (problems.isEmpty()) {
            try (BagVerifier verifier = new BagVerifier()) {
                verifier.isValid(bag, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(new Problem(folder.toString(), "the check was interrupted"));
            } catch (Exception e) {
                problems.add(new Problem(folder.toString(), message(e)));
            }
        }
        return problems;
    }

    private static void checkManifest(Path folder, Manifest manifest, List<Problem> problems, Set<Path> listed) {
        String algorithm = manifest.getAlgorithm().getMessageDigestName();
        List<Path> files = new ArrayList<>(manifest.getFileToChecksumMap().keySet());
        files.sort(null);
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            listed.add(absolute);
            String expected = manifest.getFileToChecksumMap().get(file).toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(absolute)) {
                problems.add(new Problem(relative(folder, file), "missing"));
                continue;
            }
            try {
                String actual = digest(absolute, algorithm);
                if (!actual.equals(expected)) {
                    problems.add(new Problem(
                            relative(folder, file),
                            "altered: its " + manifest.getAlgorithm().getBagitName() + " is " + actual
                                    + ", the manifest says " + expected));
                }
            } catch (IOException e) {
                problems.add(new Problem(relative(folder, file), "cannot be read: " + message(e)));
            }
        }
    }

    private static String digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this Java runtime has no " + algorithm, e);
        }
    }

    private static String relative(Path folder, Path file) {
        Path root = folder.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(root) ? root.relativize(f) : f).toString().replace('\\', '/');
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
