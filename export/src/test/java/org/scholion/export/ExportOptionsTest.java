package org.scholion.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportOptionsTest {

    @Test
    void defaultsAreAllSpansButSuggestionsGuardedCsvAndArchivalA4BriefsWithTable() {
        ExportOptions options = ExportOptions.DEFAULT;
        assertThat(options.labelSets()).isEmpty();
        assertThat(options.labels()).isEmpty();
        assertThat(options.includeSuggestions()).isFalse();
        assertThat(options.csv()).isEqualTo(new CsvOptions(false, false));
        assertThat(options.brief()).isEqualTo(new BriefOptions(PageSize.A4, true, true));
        assertThat(ExportOptions.builder().build()).isEqualTo(options);
    }

    @Test
    void builderSetsEachFieldAndLeavesTheOthers() {
        ExportOptions options = ExportOptions.builder()
                .labelSets(Set.of("propaganda"))
                .labels(Set.of("Quote"))
                .includeSuggestions(true)
                .csv(new CsvOptions(true, false))
                .brief(new BriefOptions(PageSize.LETTER, false, false))
                .build();
        assertThat(options)
                .isEqualTo(new ExportOptions(
                        Set.of("propaganda"),
                        Set.of("Quote"),
                        true,
                        new CsvOptions(true, false),
                        new BriefOptions(PageSize.LETTER, false, false)));
        assertThat(options.toBuilder().build()).isEqualTo(options);
        ExportOptions changed = options.toBuilder().csv(CsvOptions.DEFAULT).build();
        assertThat(changed.csv()).isEqualTo(CsvOptions.DEFAULT);
        assertThat(changed.toBuilder().csv(options.csv()).build()).isEqualTo(options);
    }

    @Test
    void builderCopiesTheSetsItIsGiven() {
        Set<String> names = new HashSet<>(Set.of("Quote"));
        ExportOptions.Builder builder = ExportOptions.builder().labels(names);
        names.add("Person");
        assertThat(builder.build().labels()).containsExactly("Quote");
    }

    @Test
    void missingPageSizeMeansA4AndMissingFormatOptionsAreRefused() {
        assertThat(new BriefOptions(null, true, true).pageSize()).isEqualTo(PageSize.A4);
        assertThatNullPointerException()
                .isThrownBy(() -> ExportOptions.builder().csv(null))
                .withMessageContaining("csv");
        assertThatNullPointerException()
                .isThrownBy(() -> ExportOptions.builder().brief(null))
                .withMessageContaining("brief");
    }
}
