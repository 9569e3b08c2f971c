package org.scholion.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scholion.core.team.Docs.doc;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scholion.core.team.Diff.Difference;
import org.scholion.core.team.Diff.Kind;

class DiffTest {
    private static String describe(Difference d) {
        return d.kind().key() + " " + (d.a() == null ? "-" : d.a().label() + d.a().start() + ":" + d.a().end()) + " "
                + (d.b() == null ? "-" : d.b().label() + d.b().start() + ":" + d.b().end());
    }

    @Test
    void sortsSpansIntoOnlyInEitherLabelAndBoundaryConflicts() {
        List<Difference> diff = Diff.of(
                doc(AgreementTest.TEN, "X 0 5", "Y 6 11", "X 12 13", "Z 16 19"),
                doc(AgreementTest.TEN, "X 0 5", "Z 6 11", "X 12 15", "Y 18 19"),
                false);
        assertThat(diff)
                .extracting(DiffTest::describe)
                .containsExactly(
                        "label-conflict Y6:11 Z6:11",
                        "boundary-conflict X12:13 X12:15",
                        "only-in-a Z16:19 -",
                        "only-in-b - Y18:19");
    }

    @Test
    void identicalDocumentsHaveNoDifference() {
        assertThat(Diff.of(doc("a b", "X 0 1"), doc("a b", "X 0 1"), false)).isEmpty();
    }

    @Test
    void aSpanOverlappingTwoOthersIsInTwoBoundaryConflicts() {
        List<Difference> diff =
                Diff.of(doc(AgreementTest.TEN, "X 0 9"), doc(AgreementTest.TEN, "X 0 3", "X 6 11"), false);
        assertThat(diff).extracting(Difference::kind).containsExactly(Kind.BOUNDARY, Kind.BOUNDARY);
    }
}
