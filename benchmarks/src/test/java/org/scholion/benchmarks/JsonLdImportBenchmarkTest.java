package org.scholion.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLdImportBenchmarkTest {

    @Test
    void importsTheSeedWorkloadBackToTheSameDocument() throws Exception {
        JsonLdImportBenchmark benchmark = new JsonLdImportBenchmark();
        benchmark.workload = "S";
        benchmark.setUp();
        try {
            assertThat(benchmark.read().document()).isEqualTo(Workloads.named("S"));
        } finally {
            benchmark.tearDown();
        }
    }
}
