package org.scholion.core.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs that some tests drive (git, tmux, Chromium, LibreOffice, pdftotext, mount): such a test
 * skips when its program is missing, and fails instead when {@code SCHOLION_REQUIRE_TOOLS=1} (as in
 * CI), so that a machine without the tool cannot pass the build by skipping. Shared with the other
 * modules through core's test-jar.
 */
public final class RequiredTools {
    /** The environment variable that turns a skip into a failure when set to {@code 1}. */
    public static final String VARIABLE = "SCHOLION_REQUIRE_TOOLS";

    private RequiredTools() {}

    /** Whether a missing tool fails the test ({@code SCHOLION_REQUIRE_TOOLS=1}) rather than skipping it. */
    public static boolean required() {
        return "1".equals(System.getenv(VARIABLE));
    }

    /** The executable {@code tool} on the PATH; skips or fails the calling test when there is none. */
    public static Path onPath(String tool) {
        Optional<Path> found = find(tool);
        if (found.isEmpty()) {
            missing(tool + " is not installed (not on the PATH)");
        }
        return found.orElseThrow();
    }

    /** The executable {@code tool} on the PATH, if there is one. */
    public static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Skips or fails the calling test unless every file is an executable; {@code what} says what is missing. */
    public static void executables(String what, Path... files) {
        if (!Arrays.stream(files).allMatch(Files::isExecutable)) {
            missing(what);
        }
    }

    /**
     * Fails the calling test with {@code what} when tools are required, else skips it; returns
     * only by throwing.
     */
    public static void missing(String what) {
        if (required()) {
            throw new AssertionError(what + ", and " + VARIABLE + "=1 requires it");
        }
        Assumptions.abort(what + ": skipping (set " + VARIABLE + "=1 to fail instead)");
    }
}
