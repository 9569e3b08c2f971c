package org.scholion.export.docx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.scholion.core.testing.RequiredTools;

/**
 * Command-line tools that some tests use (pdftotext, soffice): such a test skips when the tool
 * is missing, and fails when it is missing and SCHOLION_REQUIRE_TOOLS=1 (as in CI; see
 * {@link RequiredTools}).
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** The tool's path; skips or fails the test when it is not installed. */
    public static Path require(String tool) {
        return RequiredTools.onPath(tool);
    }

    /** Runs a command, returns its standard output; fails on a non-zero exit or after the timeout. */
    public static String run(List<String> command, Path home, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (home != null) {
            builder.environment().put("HOME", home.toString());
        }
        Process process = builder.start();
        byte[] out;
        try (var in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited with " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** Converts a file with headless LibreOffice in a throw-away profile; returns the converted file. */
    public static Path sofficeConvert(Path soffice, Path input, String format, Path outDir)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("scholion-soffice-home");
        try {
            run(
                    List.of(
                            soffice.toString(),
                            "-env:UserInstallation=" + home.resolve("profile").toUri(),
                            "--headless",
                            "--norestore",
                            "--convert-to",
                            format,
                            "--outdir",
                            outDir.toString(),
                            input.toString()),
                    home,
                    180);
        } finally {
            deleteTree(home);
        }
        String name = input.getFileName().toString();
        return outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + format.replaceAll(":.*", ""));
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
