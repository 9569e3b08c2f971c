package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileReadableByAllWritableByItsOwner() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicWrite.write(target, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("a,b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
        assertThat(names()).containsExactly("out.csv");
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("private.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        AtomicWrite.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("kept.txt");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicWrite.write(target, out -> {
                    out.write(new byte[100_000]);
                    throw new IllegalStateException("the exporter broke");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the exporter broke");
        assertThat(target).hasContent("old");
        assertThat(names()).containsExactly("kept.txt");
    }

    @Test
    void theCallersCheckedExceptionPassesThrough() {
        class Refused extends Exception {
            private static final long serialVersionUID = 1L;
        }
        Path target = dir.resolve("refused.txt");
        assertThatThrownBy(() -> AtomicWrite.write(target, out -> {
                    throw new Refused();
                }))
                .isInstanceOf(Refused.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void removesOnlyTheTemporariesOfItsTarget() throws IOException {
        Path target = dir.resolve("a[1].scholion.json");
        Files.writeString(dir.resolve(".a[1].scholion.json.123.tmp"), "left by a killed writer");
        Files.writeString(dir.resolve(".b.scholion.json.456.tmp"), "another file's");
        Files.writeString(dir.resolve(".a[1].scholion.json.lock"), "");
        AtomicWrite.removeStaleTemporaries(target);
        assertThat(names()).containsExactly(".a[1].scholion.json.lock", ".b.scholion.json.456.tmp");
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
