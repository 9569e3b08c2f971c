package org.scholion.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scholion.core.corpus.Search.Hit;
import org.scholion.core.corpus.Search.Query;

class SearchTest {
    @Test
    void contextIsOneLineAndCountedInCodePoints() {
        List<Hit> hits = Search.find(Corpora.document(0), new Query("PLACE", null, null, null, 30));
        assertThat(hits)
                .containsExactly(new Hit(
                        "doc-0",
                        "s2",
                        "PLACE",
                        13,
                        18,
                        "Paris",
                        "Zoe\u0301 visited ",
                        " in May. She liked it.",
                        null,
                        "alice"));
    }

    @Test
    void contextIsCutOnGraphemeBoundariesNeverInsideAnEmojiOrAFlag() {
        List<Hit> hits = Search.find(Corpora.document(4), new Query(null, null, null, null, 2));
        assertThat(hits)
                .extracting(Hit::left, Hit::text, Hit::right)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("\uD83D\uDC69\u200D\uD83D\uDCBB ", "Ada", " w"),
                        org.assertj.core.groups.Tuple.tuple("\uD83C\uDDEC\uD83C\uDDE7 ", "London", " \uD83D\uDE00"));
    }

    @Test
    void filtersCombineAndANoteFilterSkipsSpansWithoutNotes() {
        assertThat(Search.find(
                        Corpora.document(2), new Query(null, Pattern.compile("\u0627\u0644\u0642"), null, null, 5)))
                .extracting(Hit::span)
                .containsExactly("s2");
        assertThat(Search.find(Corpora.document(2), new Query(null, null, "alice", Pattern.compile("note"), 5)))
                .extracting(Hit::span)
                .containsExactly("s1");
        assertThat(Search.find(Corpora.document(1), new Query(null, null, null, Pattern.compile(""), 5)))
                .isEmpty();
        assertThat(Search.find(Corpora.document(3), new Query("PERSON", null, "bob", null, 5)))
                .extracting(Hit::text)
                .containsExactly("\u674E\u660E");
        assertThat(Search.find(Corpora.document(3), Query.ALL)).hasSize(2);
    }

    @Test
    void oneLineTurnsBreaksControlsAndBidiOverridesIntoSingleSpaces() {
        assertThat(Search.oneLine("a\r\n\tb\u001B[31mc\u202Ed\u2029e")).isEqualTo("a b [31mc d e");
    }
}
