/**
 * Benchmarks of Scholion against the tools people would otherwise use: the workload generator,
 * JMH benchmarks, and the helpers that {@code benchmarks/run.sh} runs as separate processes.
 * Nothing here runs during the build.
 */
package org.scholion.benchmarks;
