/**
 * JMH micro-benchmarks of the gateway's per-request stages: parsing, detection and the policy
 * decision. Each class's javadoc gives the command that runs it; see {@code docs/benchmarks.md}.
 */
package dev.parapet.bench.jmh;
