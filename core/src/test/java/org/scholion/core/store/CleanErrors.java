package org.scholion.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.scholion.core.ScholionException;

/** What an error shown to a person must look like: one line, the source first, a position when there is one. */
final class CleanErrors {
    /** Problems about the file as a whole, which have no single position to point at. */
    static final List<String> WITHOUT_POSITION = List.of(
            "not a Scholion annotation file: no \"format\" member", "the file has no \"document\"", "no such file");

    private CleanErrors() {}

    static void check(ScholionException e, String source) {
        String message = e.getMessage();
        assertThat(message).as("one line").doesNotContain("\n", "\r", "\u2028", "\u2029");
        assertThat(message).as("no Java internals").doesNotContain("Exception", "\tat ", "java.", "com.fasterxml");
        assertThat(message).startsWith(source + (e.line() > 0 ? ":" + e.line() : "") + ":");
        assertThat(e.problem()).isNotBlank();
        assertThat(message.codePoints().filter(c -> Character.isISOControl(c)).count())
                .as("no control characters that could drive a terminal")
                .isZero();
        if (e.line() == 0) {
            assertThat(WITHOUT_POSITION)
                    .as("a problem without a position: %s", message)
                    .contains(e.problem());
        }
    }
}
