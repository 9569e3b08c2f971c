package org.scholion.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> words(String text) {
        CodePointText t = CodePointText.of(text);
        return Tokens.of(t).tokens().stream()
                .map(k -> t.slice(k.start(), k.end()))
                .toList();
    }

    @Test
    void splitsWordsAndPunctuation() {
        assertThat(words("Macron said: \"No.\"")).containsExactly("Macron", "said", ":", "\"", "No", ".", "\"");
    }

    @Test
    void keepsEmojiClustersAndMarksWhole() {
        assertThat(words("Kyiv 🇺🇦🇫🇷 and 👩‍💻 e\u0301t\u00e9 👍🏽!"))
                .containsExactly("Kyiv", "🇺🇦", "🇫🇷", "and", "👩‍💻", "e\u0301t\u00e9", "👍🏽", "!");
    }

    @Test
    void countsOffsetsInCodePoints() {
        Tokens tokens = Tokens.of("😀 ab");
        assertThat(tokens.tokens()).containsExactly(new Tokens.Token(0, 1), new Tokens.Token(2, 4));
    }

    @Test
    void cutsSentencesAtTerminatorsAndLineBreaks() {
        Tokens tokens = Tokens.of("One two. Three four!\r\nFive\n\nSix");
        assertThat(tokens.sentences())
                .extracting(Tokens.Sentence::start, Tokens.Sentence::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 8),
                        org.assertj.core.groups.Tuple.tuple(9, 20),
                        org.assertj.core.groups.Tuple.tuple(22, 26),
                        org.assertj.core.groups.Tuple.tuple(28, 31));
    }

    @Test
    void emptyAndBlankTextsHaveNoSentences() {
        assertThat(Tokens.of("").sentences()).isEmpty();
        assertThat(Tokens.of(" \n\t ").sentences()).isEmpty();
    }

    @Test
    void tokensCoverEveryNonSpaceCodePointOnceInOrder() {
        long seed = RandomTexts.seed();
        System.out.println("TokensTest: seed " + seed + " (replay with -Dtest.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            String s = RandomTexts.text(random, random.nextInt(60));
            CodePointText text = CodePointText.of(s);
            int previousEnd = 0;
            int covered = 0;
            for (Tokens.Sentence sentence : Tokens.of(text).sentences()) {
                assertThat(sentence.start()).as("seed %d round %d", seed, round).isGreaterThanOrEqualTo(previousEnd);
                for (Tokens.Token token : sentence.tokens()) {
                    assertThat(token.start())
                            .as("seed %d round %d", seed, round)
                            .isGreaterThanOrEqualTo(previousEnd);
                    String slice = text.slice(token.start(), token.end());
                    assertThat(slice.codePoints().anyMatch(Tokens::isSeparator))
                            .as("seed %d round %d token '%s'", seed, round, slice)
                            .isFalse();
                    covered += token.end() - token.start();
                    previousEnd = token.end();
                }
            }
            long nonSpace = s.codePoints().filter(cp -> !Tokens.isSeparator(cp)).count();
            assertThat(covered).as("seed %d round %d", seed, round).isEqualTo((int) nonSpace);
        }
    }
}
