package org.scholion.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TuiBenchmarkTest {

    @Test
    void drawsTheSeedWorkloadAtTopAndEndAndAfterAResize() throws Exception {
        for (String cursor : List.of("top", "end")) {
            TuiBenchmark benchmark = new TuiBenchmark();
            benchmark.workload = "S";
            benchmark.cursor = cursor;
            benchmark.setUp();
            try {
                List<String> top = benchmark.openAndDraw().text();
                List<String> here = benchmark.redraw().text();
                assertThat(here).hasSize(24);
                assertThat(here.equals(top))
                        .as("cursor %s moved the view", cursor)
                        .isEqualTo(cursor.equals("top"));
                assertThat(benchmark.resize().text()).hasSize(20);
                assertThat(benchmark.resize().text()).hasSize(24);
            } finally {
                benchmark.tearDown();
            }
        }
    }
}
