package org.scholion.cli.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code annotate} as a real process from the packaged jar, as the integration tests of the CLI do. */
final class Cli {
    static final boolean SLOW = Boolean.getBoolean("scholion.slow");
    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Cli() {}

    static Path jar() {
        String jar = System.getProperty("annotate.jar");
        if (jar == null) {
            throw new IllegalStateException("run this test through failsafe (mvn verify), which sets -Dannotate.jar");
        }
        return Path.of(jar);
    }

    /** {@code java -cp annotate.jar org.scholion.cli.Annotate ARGS} with the launcher's start-up options. */
    static ProcessBuilder annotate(String... args) {
        List<String> command = new ArrayList<>(List.of(
                JAVA,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        Path archive = jar().resolveSibling("it-classes.jsa");
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-cp", jar().toString(), "org.scholion.cli.Annotate"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
