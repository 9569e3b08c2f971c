package org.scholion.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a file under src/test/resources/golden/, or rewrites it with -Dgolden.update=true. */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private GoldenFiles() {}

    public static void check(String testCase, String file, byte[] actual) throws IOException {
        Path golden = ROOT.resolve(testCase).resolve(file);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
            assertThat(Boolean.getBoolean("golden.update"))
                    .as("golden file %s was missing and has been written; check it and run again", golden)
                    .isTrue();
        }
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .as("output differs from %s (rewrite with -Dgolden.update=true)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(Files.readAllBytes(golden));
    }
}
