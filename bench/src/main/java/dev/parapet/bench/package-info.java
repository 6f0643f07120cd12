/**
 * The {@code parapet bench} command and its load harness: the gateway's end-to-end latency
 * overhead over calling the demo upstream directly, measured side by side in one interleaved run
 * ({@link dev.parapet.bench.LoadHarness}). The sample prompts every benchmark sends are in
 * {@link dev.parapet.bench.SamplePrompts}; the JMH micro-benchmarks are in
 * {@code dev.parapet.bench.jmh}. See {@code docs/benchmarks.md}.
 */
package dev.parapet.bench;
