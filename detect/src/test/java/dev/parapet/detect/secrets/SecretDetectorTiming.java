package dev.parapet.detect.secrets;

import dev.parapet.core.Finding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.parapet.detect.secrets.FakeTokens.ALNUM;
import static dev.parapet.detect.secrets.FakeTokens.BASE64;
import static dev.parapet.detect.secrets.FakeTokens.URL_SAFE;
import static dev.parapet.detect.secrets.FakeTokens.random;

/**
 * A warm-loop timing of {@link SecretDetector} (not a JMH benchmark; a first figure until the
 * detect-stage benchmarks of issue #3 cover it): a 2 KB benign prompt, the same prompt with six
 * secrets, and throughput over 1 MB of benign text. Run from the repository root:
 * <pre>
 * ./mvnw -q -B -pl detect -am test-compile
 * ./mvnw -q -B -pl detect dependency:build-classpath -Dmdep.outputFile=/tmp/detect-cp.txt
 * java -cp core/target/classes:detect/target/classes:detect/target/test-classes:$(cat /tmp/detect-cp.txt) \
 *     dev.parapet.detect.secrets.SecretDetectorTiming
 * </pre>
 */
final class SecretDetectorTiming {

    private static final String PROMPT = """
            We are planning the capacity of our order service for the holiday season. Last year the peak was \
            about 1,800 requests per second at 11:00 on the Monday after Thanksgiving, with p99 latency of 240 ms \
            and a database CPU of 70%. This year marketing expects 30% more traffic, and we moved the catalogue \
            reads to a cache in front of PostgreSQL. The cache hit rate is 92% in staging. Each pod has two cores \
            and 4 GB of memory; the JVM heap is 2.5 GB. We run twelve pods behind the load balancer and autoscale \
            on CPU above 60%. The team wants to know how many pods to pre-provision, whether the connection pool \
            (currently 20 per pod) is enough, and which metrics to alert on. Please also explain the trade-offs of \
            scaling on request rate instead of CPU, and how to load-test the checkout path without charging real \
            cards. Keep the answer practical: a table of pod counts for 1.0x, 1.3x and 1.6x of last year's peak, \
            the pool size per pod, and a short list of alerts with thresholds. Assume the payment provider's API \
            allows 500 requests per second per account and that each checkout makes three calls to it. We also \
            keep a runbook in the wiki that explains how to rotate keys and tokens, where the on-call password \
            manager lives, and who may approve a change to the private network. Mention anything in that area \
            that a holiday freeze should cover, such as secret rotation and access reviews, but do not go into \
            detail. Finally, list the three biggest risks you see and one mitigation for each, in plain words.
            """;

    private SecretDetectorTiming() {
    }

    public static void main(String[] args) {
        SecretDetector detector = SecretDetector.defaults();
        String benign = (PROMPT + PROMPT).substring(0, 2048);
        String secrets = benign.substring(0, 1200)
                + "\nexport GITHUB_TOKEN=ghp_" + random(ALNUM, 36, 1)
                + "\nAWS_SECRET_ACCESS_KEY=" + random(BASE64, 40, 2)
                + "\nDATABASE_URL=postgresql://app:" + random(ALNUM, 16, 3) + "@db.internal:5432/shop"
                + "\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ." + random(URL_SAFE, 43, 4)
                + "\nSTRIPE_KEY=sk_live_" + random(ALNUM, 32, 5)
                + "\npassword = \"" + random(ALNUM, 16, 6) + "\"\n";
        System.out.printf("benign 2 KB: %d findings; with secrets (%d chars): %s%n", run(detector, benign).size(),
                secrets.length(), run(detector, secrets).stream().map(Finding::type).toList());
        time("benign_2kb", detector, benign);
        time("six_secrets_2kb", detector, secrets);

        String megabyte = benign.repeat((1 << 20) / benign.length());
        for (int i = 0; i < 10; i++) {
            run(detector, megabyte);
        }
        int reps = 20;
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            run(detector, megabyte);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("benign_1mb: %.0f MB/s on one thread%n", reps * megabyte.length() / 1e6 / seconds);
    }

    private static void time(String name, SecretDetector detector, String text) {
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            run(detector, text);
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            run(detector, text);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.1f us, p99 %.1f us%n", name, nanos[n / 2] / 1e3, nanos[n * 99 / 100] / 1e3);
    }

    private static List<Finding> run(SecretDetector detector, String text) {
        List<Finding> out = new ArrayList<>();
        detector.detect(0, text, out);
        return out;
    }
}
