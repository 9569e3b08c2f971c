package org.scholion.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class RequiredToolsTest {
    @TempDir
    Path dir;

    @Test
    void findsAProgramEveryMachineHasAndNotAMadeUpOne() {
        assertThat(RequiredTools.find("sh"))
                .hasValueSatisfying(p -> assertThat(Files.isExecutable(p)).isTrue());
        assertThat(RequiredTools.onPath("sh"))
                .isEqualTo(RequiredTools.find("sh").orElseThrow());
        assertThat(RequiredTools.find("scholion-no-such-tool")).isEmpty();
    }

    @Test
    void aMissingToolSkipsOrFailsAsTheEnvironmentSays() {
        Class<? extends Throwable> expected =
                RequiredTools.required() ? AssertionError.class : TestAbortedException.class;
        assertThatThrownBy(() -> RequiredTools.onPath("scholion-no-such-tool"))
                .isInstanceOf(expected)
                .hasMessageContaining("scholion-no-such-tool")
                .hasMessageContaining("SCHOLION_REQUIRE_TOOLS=1");
        assertThatThrownBy(() -> RequiredTools.executables("no browser", dir.resolve("chromium")))
                .isInstanceOf(expected)
                .hasMessageStartingWith("no browser");
    }
}
