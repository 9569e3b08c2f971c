package org.scholion.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code annotate} as a real process from the packaged jar (for the integration tests). */
final class Processes {
    static final Path JAR = Path.of(required("annotate.jar"));
    static final Path ROOT = Path.of(required("annotate.root")).toAbsolutePath().normalize();
    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Processes() {}

    /** What a process printed and returned. */
    record Finished(int code, String out, String err) {}

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("run this test through failsafe, which sets -D" + property);
        }
        return value;
    }

    /**
     * {@code java -cp annotate.jar org.scholion.cli.Annotate ARGS}, the jar finding lib/ through its
     * manifest; with the same start-up options as the launcher, so that fifty processes take seconds.
     */
    static ProcessBuilder annotate(String... args) {
        List<String> command = new ArrayList<>(List.of(
                JAVA,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        Path archive = classArchive();
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-cp", JAR.toString(), "org.scholion.cli.Annotate"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Path archive;
    private static boolean archiveTried;

    /** A class-data archive of the jar, made once per test run; null when the JVM cannot make one. */
    private static synchronized Path classArchive() {
        if (!archiveTried) {
            archiveTried = true;
            Path file = JAR.resolveSibling("it-classes.jsa");
            try {
                java.nio.file.Files.deleteIfExists(file);
                Process p = new ProcessBuilder(
                                JAVA,
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC",
                                "-XX:ArchiveClassesAtExit=" + file,
                                "-cp",
                                JAR.toString(),
                                "org.scholion.cli.Annotate",
                                "ls",
                                ROOT.resolve("seeds/coalition-of-the-willing.scholion.json")
                                        .toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 && java.nio.file.Files.size(file) > 0) {
                    archive = file;
                }
            } catch (IOException | InterruptedException e) {
                // run without the archive, only slower
            }
        }
        return archive;
    }

    static Finished run(ProcessBuilder builder, Map<String, String> env) throws IOException, InterruptedException {
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        // small outputs: read stderr after stdout without risk of filling a pipe
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + builder.command());
        }
        return new Finished(
                p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static Finished run(ProcessBuilder builder) throws IOException, InterruptedException {
        return run(builder, Map.of());
    }
}
