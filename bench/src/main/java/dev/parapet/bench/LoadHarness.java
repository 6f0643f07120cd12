package dev.parapet.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parapet bench load}: the gateway's end-to-end overhead over calling the upstream directly.
 *
 * <p>Starts the demo stack in this process (or targets a running {@code parapet serve --demo}
 * with {@code --credentials}), warms both paths up, then sends each request body both straight
 * to the demo upstream and through the gateway, interleaved, and prints one JSON object on
 * stdout with percentiles per target and the gateway's overhead as differences and ratios.
 * Progress goes to stderr. Exits 1 when any request failed or answered with an unexpected status
 * (the gateway must answer 200 to allow and redact, 403 to block; the upstream 200 to all).
 *
 * <pre>
 * ./parapet bench load                                   # 20,000 allow requests per target
 * ./parapet bench load --scenario mixed --stream --requests 5000
 * ./parapet bench load --credentials .parapet/demo-credentials.json --upstream-url http://127.0.0.1:PORT/v1
 * </pre>
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Measure the gateway's overhead over calling the demo upstream directly.")
public final class LoadHarness implements Callable<Integer> {

    @Option(names = "--requests", defaultValue = "20000", description = "Measured requests per target (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "2000", description = "Warm-up requests per target, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight across both targets (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--scenario", defaultValue = "allow", description = "allow, redact, block or mixed (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--stream", description = "Ask for streamed answers and time each to its last byte.")
    boolean stream;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "demo-credentials.json of a running 'parapet serve --demo' to measure instead of starting one.")
    Path credentials;

    @Option(names = "--upstream-url", paramLabel = "URL",
            description = "With --credentials: the demo upstream's base URL ending in /v1, as the serve banner prints it.")
    String upstreamUrl;

    @Option(names = "--log-level", defaultValue = "WARN",
            description = "Log level of the in-process stack (default ${DEFAULT-VALUE}; INFO adds the gateway's per-decision log line to its cost).")
    String logLevel;

    private final PrintStream out;
    private final PrintStream err;

    public LoadHarness(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code parapet bench load} with {@code args}; returns the exit code. */
    public static int main(String[] args) {
        return new CommandLine(new LoadHarness(System.out, System.err)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Scenario shape = Scenario.parse(scenario);
        if (requests < 1 || warmup < 0 || concurrency < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--requests and --concurrency must be at least 1, --warmup at least 0");
        }
        if (credentials != null && upstreamUrl == null) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--credentials needs --upstream-url (the demo upstream's base URL ending in /v1)");
        }
        // Read by the app's logback.xml; must be set before the first logger exists.
        System.setProperty("PARAPET_LOG_LEVEL", logLevel);
        err.println(credentials == null ? "starting the demo stack in-process ..." : "using the running demo in " + credentials);
        try (SystemUnderTest sut = credentials == null ? SystemUnderTest.startLocal()
                : SystemUnderTest.external(credentials, upstreamUrl)) {
            Target direct = Target.of("direct", Target.chatUrl(sut.upstreamBaseUrl()), Optional.empty());
            Target gateway = Target.of("gateway", Target.chatUrl(sut.gatewayBaseUrl()), Optional.of(sut.apiKey()));
            try {
                err.printf("direct  %s%ngateway %s%nscenario=%s stream=%s concurrency=%d warmup=%d requests=%d%n",
                        direct.chatUrl(), gateway.chatUrl(), shape.wireName(), stream, concurrency, warmup, requests);
                InterleavedRun run = new InterleavedRun(direct, gateway, shape, stream, concurrency, err);
                if (warmup > 0) {
                    InterleavedRun.Result w = run.run("warm-up", warmup);
                    if (w.direct().errorCount() + w.gateway().errorCount() > 0) {
                        err.println("warm-up errors: direct " + w.direct().errorsByKind() + ", gateway " + w.gateway().errorsByKind());
                    }
                }
                InterleavedRun.Result r = run.run("measure", requests);
                LoadReport report = report(shape, r);
                out.println(report.toJson());
                if (report.totalErrors() > 0) {
                    err.println("FAILED: " + report.totalErrors() + " requests failed or answered with an unexpected status: "
                            + report.errorKinds());
                    return 1;
                }
                return 0;
            } finally {
                direct.close();
                gateway.close();
            }
        }
    }

    private LoadReport report(Scenario shape, InterleavedRun.Result r) {
        Map<String, Map<String, Long>> kinds = new LinkedHashMap<>();
        kinds.put("direct", r.direct().errorsByKind());
        kinds.put("gateway", r.gateway().errorsByKind());
        return new LoadReport(shape.wireName(), stream, requests, concurrency,
                LatencySummary.of(r.direct().histogram(), concurrency, r.direct().errorCount()),
                LatencySummary.of(r.gateway().histogram(), concurrency, r.gateway().errorCount()),
                kinds, r.wallSeconds(), Instant.now());
    }
}
