package org.scholion.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Span;
import org.scholion.core.text.CodePointText;
import org.scholion.seeds.Seeds;

class WorkloadsTest {
    private static final long SEED = 7L;

    @Test
    void sameArgumentsGiveTheSameDocument() {
        System.out.println("seed " + SEED);
        AnnotatedDocument a = Workloads.generate("t", "T", 60_000, 1_200, SEED);
        AnnotatedDocument b = Workloads.generate("t", "T", 60_000, 1_200, SEED);
        assertThat(a).isEqualTo(b);
        assertThat(Workloads.generate("t", "T", 60_000, 1_200, SEED + 1)).isNotEqualTo(a);
    }

    @Test
    void hitsTheRequestedSizeAndSpanCount() {
        AnnotatedDocument doc = Workloads.generate("t", "T", 60_000, 1_200, SEED);
        assertThat(doc.text().length()).isBetween(60_000, 61_000);
        assertThat(doc.spans()).hasSize(1_200);
        assertThat(doc.relations()).hasSize(300);
        assertThat(doc.labelSets()).isEqualTo(Seeds.referenceAnnotation().labelSets());
    }

    @Test
    void spansCoverWholeWordsAndSomeNestOrCross() {
        AnnotatedDocument doc = Workloads.generate("t", "T", 60_000, 1_200, SEED);
        CodePointText text = doc.text();
        int nestedOrCrossing = 0;
        List<Span> spans = doc.spans();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            assertThat(isWord(text, span.start()))
                    .as("first code point of %s", span)
                    .isTrue();
            assertThat(isWord(text, span.end() - 1))
                    .as("last code point of %s", span)
                    .isTrue();
            assertThat(span.start() == 0 || !isWord(text, span.start() - 1))
                    .as("%s starts a word", span)
                    .isTrue();
            assertThat(span.end() == text.length() || !isWord(text, span.end()))
                    .as("%s ends a word", span)
                    .isTrue();
            if (i > 0 && spans.get(i - 1).overlaps(span)) {
                nestedOrCrossing++;
            }
        }
        assertThat(nestedOrCrossing).isGreaterThan(spans.size() / 10);
        assertThat(spans.stream().filter(s -> s.note() != null).count()).isBetween(250L, 470L);
    }

    @Test
    void textMixesScriptsAndHasCharactersOutsideTheBmp() {
        AnnotatedDocument doc = Workloads.generate("t", "T", 60_000, 1_200, SEED);
        assertThat(doc.text().hasSupplementaryCharacters()).isTrue();
        assertThat(doc.document().text()).contains("коалиция").contains("συμμαχία");
    }

    @Test
    void sentencesOfTheSeedArticleAreFound() {
        List<String> sentences = Workloads.sentences(Seeds.articleText());
        assertThat(sentences)
                .hasSizeGreaterThan(20)
                .allSatisfy(s -> assertThat(s).isEqualTo(s.strip()).isNotBlank());
    }

    private static boolean isWord(CodePointText text, int index) {
        int c = text.codePointAt(index);
        return Character.isLetterOrDigit(c) || c == '’' || c == '\'' || c == '-';
    }
}
