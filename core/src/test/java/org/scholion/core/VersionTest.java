package org.scholion.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void theBuildWritesTheVersionOfThePom() {
        // filtered from ${project.version}: an unfiltered resource would read "${project.version}"
        assertThat(Version.number()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    }
}
