package dev.parapet.bench;

/**
 * What the gateway adds over calling the upstream directly, from one interleaved run.
 *
 * @param p50Ms    gateway median minus direct median, milliseconds
 * @param p99Ms    gateway p99 minus direct p99, milliseconds
 * @param p50Ratio gateway median ÷ direct median (1.0 = no overhead); 0 when direct is 0
 * @param p99Ratio gateway p99 ÷ direct p99; 0 when direct is 0
 */
record Overhead(double p50Ms, double p99Ms, double p50Ratio, double p99Ratio) {

    static Overhead between(LatencySummary direct, LatencySummary gateway) {
        return new Overhead(gateway.p50Ms() - direct.p50Ms(), gateway.p99Ms() - direct.p99Ms(),
                ratio(gateway.p50Ms(), direct.p50Ms()), ratio(gateway.p99Ms(), direct.p99Ms()));
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
