package org.scholion.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scholion.core.team.Docs.by;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;
import org.scholion.core.team.Merge.Input;

class MergeTest {
    static final String TEXT = AgreementTest.TEN;

    private static String describe(Span s) {
        return s.id() + " " + s.label() + " " + s.start() + ":" + s.end() + (s.suggestion() ? " suggested by " : " by ")
                + String.join("+", Merge.proposers(s));
    }

    private static List<Input> inputs() {
        AnnotatedDocument alice = by("alice", TEXT, "X 0 5", "Y 6 11", "Z 12 13");
        alice = alice.withRelation(new Relation("r1", "said-by", "s1", "s2"));
        AnnotatedDocument bob = by("bob", TEXT, "X 0 5", "Y 6 11", "Z 14 15");
        bob = bob.withRelation(new Relation("r1", "said-by", "s1", "s2"));
        AnnotatedDocument carol = by("carol", TEXT, "X 0 5", "Z 12 13");
        return List.of(
                new Input("alice", "alice.scholion.json sha256:aa", alice),
                new Input("bob", "bob.scholion.json sha256:bb", bob),
                new Input("carol", "carol.scholion.json sha256:cc", carol));
    }

    @Test
    void acceptsWhatAllAgreeOnAndSuggestsTheRestWithItsProposers() {
        AnnotatedDocument gold = Merge.of(inputs(), 3);
        assertThat(gold.spans())
                .extracting(MergeTest::describe)
                .containsExactly(
                        "s1 X 0:5 by alice+bob+carol",
                        "s2 Y 6:11 suggested by alice+bob",
                        "s3 Z 12:13 suggested by alice+carol",
                        "s4 Z 14:15 suggested by bob");
        assertThat(gold.relations()).containsExactly(new Relation("r1", "said-by", "s1", "s2"));
        assertThat(gold.document().metadata())
                .containsEntry(
                        Merge.MERGED_FROM,
                        "alice.scholion.json sha256:aa; bob.scholion.json sha256:bb; carol.scholion.json sha256:cc");
    }

    @Test
    void minAgreeAcceptsWhatEnoughAnnotatorsAgreeOn() {
        AnnotatedDocument gold = Merge.of(inputs(), 2);
        assertThat(gold.spans()).extracting(Span::suggestion).containsExactly(false, false, false, true);
        assertThatThrownBy(() -> Merge.of(inputs(), 4)).hasMessageContaining("between 1 and 3");
    }

    @Test
    void adjudicationAcceptsAndRejectsSuggestions() {
        AnnotatedDocument gold = Merge.of(inputs(), 3);
        AnnotatedDocument accepted = Adjudication.accept(gold, Adjudication.select(gold, List.of("s2"), null));
        assertThat(accepted.span("s2").orElseThrow().suggestion()).isFalse();
        assertThat(Merge.proposers(accepted.span("s2").orElseThrow())).containsExactly("alice", "bob");
        AnnotatedDocument rejected = Adjudication.reject(accepted, Adjudication.select(accepted, List.of(), null));
        assertThat(rejected.spans()).extracting(Span::id).containsExactly("s1", "s2");
        AnnotatedDocument onlyZ = Adjudication.accept(gold, Adjudication.select(gold, List.of(), "Z"));
        assertThat(onlyZ.spans())
                .filteredOn(Span::suggestion)
                .extracting(Span::id)
                .containsExactly("s2");
        assertThatThrownBy(() -> Adjudication.select(gold, List.of("s1"), null))
                .hasMessage("span s1 is not a suggestion (it was accepted already)");
        assertThatThrownBy(() -> Adjudication.select(gold, List.of("s9"), null)).hasMessage("there is no span 's9'");
    }

    @Test
    void refusesDifferentTexts() {
        assertThatThrownBy(() ->
                        Merge.of(List.of(new Input("a", "a", by("a", "one")), new Input("b", "b", by("b", "two"))), 2))
                .hasMessageContaining("a and b annotate different texts");
    }
}
