/**
 * JMH micro-benchmarks of the gateway's per-request stages: parsing, detection (detector by
 * detector and the whole detect stage, by size and in MB/s) and the policy decision, and of the
 * whole per-request CPU path without HTTP. Each class's javadoc gives the command that runs it;
 * see {@code docs/benchmarks.md}.
 */
package dev.parapet.bench.jmh;
