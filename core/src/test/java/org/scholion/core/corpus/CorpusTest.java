package org.scholion.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    List<Path> written;

    @BeforeEach
    void corpus() throws Exception {
        written = Corpora.write(dir);
    }

    @Test
    void aFolderIsSearchedRecursivelyInSortedOrderSkippingHiddenAndOtherFiles() {
        Corpus corpus = Corpus.of(List.of(dir.toString()));
        assertThat(corpus.files()).containsExactlyElementsOf(written);
        assertThat(corpus.files())
                .extracting(p -> dir.relativize(p).toString())
                .containsExactly(
                        "broken.scholion.json",
                        "doc-0.scholion.json",
                        "doc-1.scholion.json",
                        "doc-2.scholion.json",
                        "sub/doc-3.scholion.json",
                        "sub/doc-4.scholion.json");
        assertThat(corpus.problems()).isEmpty();
    }

    @Test
    void theBrokenFileIsReportedWithTheReadersMessageAndTheOthersAreRead() {
        List<Entry> entries = Corpus.of(List.of(dir.toString())).stream().toList();
        assertThat(entries).hasSize(6);
        Entry broken = entries.get(0);
        assertThat(broken.ok()).isFalse();
        assertThat(broken.failure()).contains("broken.scholion.json").doesNotContain("\n");
        List<Entry> read = entries.subList(1, 6);
        assertThat(read).allMatch(Entry::ok);
        for (int i = 0; i < 5; i++) {
            assertThat(read.get(i).document()).isEqualTo(Corpora.document(i));
        }
        assertThat(read.get(3).document().textOf(read.get(3).document().spans().get(1)))
                .isEqualTo("\u5317\u4EAC");
    }

    @Test
    void globsMatchBelowTheirLiteralFolderAndDoubleStarMatchesNoFolderToo() {
        Corpus top = Corpus.of(List.of(dir + "/doc-*.scholion.json"));
        assertThat(top.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("doc-0.scholion.json", "doc-1.scholion.json", "doc-2.scholion.json");
        Corpus deep = Corpus.of(List.of(dir + "/**/doc-*.scholion.json"));
        assertThat(deep.files()).hasSize(5);
        Corpus folders = Corpus.of(List.of(dir + "/su?"));
        assertThat(folders.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("doc-3.scholion.json", "doc-4.scholion.json");
    }

    @Test
    void eachFileOnceWhateverNamesItAndNamedFilesAreTakenWhateverTheirName() throws Exception {
        Path odd = dir.resolve("odd.json");
        Files.copy(written.get(1), odd);
        Corpus corpus = Corpus.of(List.of(
                written.get(1).toString(), dir.toString(), dir + "/sub/../doc-0.scholion.json", odd.toString()));
        assertThat(corpus.files()).hasSize(7).doesNotHaveDuplicates();
        assertThat(corpus.files()).contains(odd);
    }

    @Test
    void argumentsThatNameNothingAreProblemsNamingThem() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Corpus corpus = Corpus.of(List.of(
                dir.resolve("missing.scholion.json").toString(),
                empty.toString(),
                dir + "/*.nothing",
                written.get(1).toString()));
        assertThat(corpus.files()).containsExactly(written.get(1));
        assertThat(corpus.problems())
                .extracting(Entry::failure)
                .containsExactly(
                        dir.resolve("missing.scholion.json") + ": no such file",
                        empty + ": holds no .scholion.json file",
                        dir + "/*.nothing: matches no .scholion.json file");
        assertThat(corpus.stream().filter(e -> !e.ok()).count()).isEqualTo(3);
    }

    @Test
    void parallelHandsOutcomesOverInTheCorpusOrderWithABoundedNumberInFlight() {
        Corpus corpus = Corpus.of(List.of(dir.toString(), dir.toString()));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        corpus.parallel(
                2,
                (path, doc) -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(doc.document().id().equals("doc-0") ? 50 : 1); // finishes last, handed over second
                    inFlight.decrementAndGet();
                    if (doc.document().id().equals("doc-2")) {
                        throw new IllegalStateException("work failed\nsecond line");
                    }
                    return doc.document().id();
                },
                outcome -> seen.add(outcome.ok() ? outcome.value() : "failed: " + outcome.failure()));
        assertThat(seen).hasSize(6);
        assertThat(seen.get(0)).startsWith("failed: ").contains("broken.scholion.json");
        assertThat(seen.subList(1, 6))
                .containsExactly("doc-0", "doc-1", "failed: " + written.get(3) + ": work failed", "doc-3", "doc-4");
        assertThat(most.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void parallelOnOneThreadGivesTheSameOutcomes() {
        Corpus corpus = Corpus.of(List.of(dir.toString()));
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        corpus.parallel(1, (p, d) -> d.spans().size() + d.document().id(), o -> one.add(o.value() + o.failure()));
        corpus.parallel(2, (p, d) -> d.spans().size() + d.document().id(), o -> two.add(o.value() + o.failure()));
        assertThat(two).isEqualTo(one).hasSize(6);
        assertThatThrownBy(() -> corpus.parallel(0, (p, d) -> d, o -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void namesManyTellsFoldersAndGlobsFromFiles() {
        assertThat(Corpus.namesMany(dir.toString())).isTrue();
        assertThat(Corpus.namesMany(dir + "/*.scholion.json")).isTrue();
        assertThat(Corpus.namesMany(written.get(1).toString())).isFalse();
    }
}
