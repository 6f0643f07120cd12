package dev.parapet.gateway.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.SecretHash;
import dev.parapet.gateway.Gateway;
import dev.parapet.gateway.GatewayConfig;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The gateway against a control plane that publishes bundles, over real HTTP on loopback: what is
 * enforced, what is refused and how that is reported, what survives a restart.
 */
class BundleDistributionTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final SigningKey STRANGER = SigningKey.generate();
    private static final String API_KEY = "pk_static-test-key";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeControlPlane control;
    private Gateway gateway;
    private Path publicKey;

    @BeforeEach
    void startControlPlane() throws Exception {
        control = new FakeControlPlane();
        publicKey = Files.writeString(dir.resolve("bundle-signing.pub.pem"), PemKeys.publicKeyPem(KEY.publicKey()));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        control.close();
    }

    private Gateway startGateway() {
        return startGateway(control.port(), Duration.ofSeconds(30));
    }

    private Gateway startGateway(int controlPort, Duration longPoll) {
        gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, "gw-test", "t1", 64 * 1024, List.of(),
                List.of(new GatewayConfig.ApiKey(SecretHash.of(API_KEY), "t1", "svc-static", "developer")),
                Optional.of(new GatewayConfig.ControlLink(URI.create("http://127.0.0.1:" + controlPort),
                        FakeControlPlane.TOKEN, Duration.ofMillis(500))),
                dir.resolve("spool"), Optional.empty(), new byte[32], Duration.ofSeconds(1),
                new GatewayConfig.BundleDistribution(List.of(publicKey), Duration.ofMillis(200), longPoll,
                        dir.resolve("bundle"))));
        return gateway;
    }

    private HttpResponse<String> decide(String tool, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/decide"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tool\":{\"name\":\"" + tool + "\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The action the gateway decides for a call of {@code tool}. */
    private String actionFor(String tool) throws Exception {
        HttpResponse<String> res = decide(tool, API_KEY);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return json.readTree(res.body()).get("action").asText();
    }

    private JsonNode readyz() throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double metric(String scrape, String name, String labelsContaining) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(labelsContaining)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    private void awaitActive(TestBundle bundle) throws InterruptedException {
        await("bundle v" + bundle.version() + " to be enforced", Duration.ofSeconds(10),
                () -> gateway.activeBundle().digest().equals(bundle.digest()));
    }

    private List<JsonNode> reports(String outcome) {
        return control.statusReports().stream().filter(r -> r.get("outcome").asText().equals(outcome)).toList();
    }

    private static BooleanSupplier quietly(Callable<Boolean> c) {
        return () -> {
            try {
                return c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void aSignedBundleIsFetchedAndEnforcedWithinTheLongPoll() throws Exception {
        TestBundle v1 = TestBundle.blockingTool("t1", 1, "rm").signedBy(KEY);
        TestBundle v2 = TestBundle.blockingTool("t1", 2, "drop_table").signedBy(KEY);
        control.publish(v1);
        startGateway();
        awaitActive(v1);
        assertThat(actionFor("rm")).isEqualTo("block");
        assertThat(actionFor("drop_table")).isEqualTo("allow");
        await("the gateway to hold a poll open", Duration.ofSeconds(5), () -> control.polls() >= 2);
        int pollsBefore = control.polls();

        long published = System.nanoTime();
        control.publish(v2);
        await("drop_table to be blocked", Duration.ofSeconds(5), quietly(() -> actionFor("drop_table").equals("block")));
        long tookMs = (System.nanoTime() - published) / 1_000_000;

        assertThat(tookMs).isLessThan(5_000);
        assertThat(control.polls() - pollsBefore).as("answered by the poll held open").isLessThanOrEqualTo(1);
        HttpResponse<String> blocked = decide("drop_table", API_KEY);
        assertThat(json.readTree(blocked.body()).get("reason_codes").toString()).isEqualTo("[\"tool_blocked_v2\"]");
        assertThat(actionFor("rm")).isEqualTo("allow");
        JsonNode ready = readyz();
        assertThat(ready.at("/bundle/digest").asText()).isEqualTo(v2.digest());
        assertThat(ready.at("/bundle/version").asText()).isEqualTo("2");
        assertThat(ready.at("/bundle/source").asText()).isEqualTo("control_plane");
        assertThat(ready.at("/bundle/control_version").asLong()).isEqualTo(2);
        assertThat(ready.at("/bundle_poll/state").asText()).isEqualTo("updated");
        assertThat(ready.at("/bundle_poll/last_poll").asText()).isNotEmpty();
        String scrape = metrics();
        assertThat(metric(scrape, "parapet_bundle_active", "digest=\"" + v2.digest() + "\"")).isEqualTo(1.0);
        assertThat(metric(scrape, "parapet_bundle_active", "digest=\"" + v1.digest() + "\"")).isZero();
        assertThat(metric(scrape, "parapet_bundle_activations_total", "source=\"control_plane\"")).isEqualTo(2.0);
        await("activations to be reported", Duration.ofSeconds(5), () -> reports("activated").size() == 2);
        assertThat(reports("activated").getLast().get("digest").asText()).isEqualTo(v2.digest());
        assertThat(reports("activated").getLast().get("version").asLong()).isEqualTo(2);
    }

    static Stream<Arguments> badBundles() throws Exception {
        TestBundle.Builder v2 = TestBundle.blockingTool("t1", 2, "drop_table");
        TestBundle signed = v2.signedBy(KEY);
        return Stream.of(
                Arguments.of("unsigned", v2.unsigned(), "missing_signature"),
                Arguments.of("tampered_after_signing",
                        signed.withFileChanged("rules/10-rules.yaml", "rules: []\n").namingItsOwnDigest(), "file_changed"),
                Arguments.of("signed_by_an_untrusted_key", v2.signedBy(STRANGER), "unknown_key"),
                Arguments.of("for_another_tenant", TestBundle.blockingTool("t2", 2, "drop_table").signedBy(KEY),
                        "tenant_mismatch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBundles")
    void aBadBundleIsRefusedReportedAndTheLastGoodOneKeepsDeciding(String name, TestBundle bad, String reason)
            throws Exception {
        TestBundle good = TestBundle.blockingTool("t1", 1, "rm").signedBy(KEY);
        control.publish(good);
        startGateway();
        awaitActive(good);

        control.publish(bad);
        await("the refusal to be reported", Duration.ofSeconds(10), () -> !reports("refused").isEmpty());
        int pollsAtRefusal = control.polls();
        await("the bad bundle to be polled again", Duration.ofSeconds(5), () -> control.polls() >= pollsAtRefusal + 2);

        assertThat(gateway.activeBundle().digest()).isEqualTo(good.digest());
        assertThat(actionFor("rm")).isEqualTo("block");
        assertThat(actionFor("drop_table")).isEqualTo("allow");
        JsonNode report = reports("refused").getFirst();
        assertThat(report.get("reason").asText()).isEqualTo(reason);
        assertThat(report.get("source").asText()).isEqualTo("control_plane");
        assertThat(report.get("digest").asText()).isEqualTo(bad.digest());
        assertThat(report.get("version").asLong()).isEqualTo(2);
        assertThat(report.get("gateway_id").asText()).isEqualTo("gw-test");
        assertThat(report.get("detail").asText()).isNotBlank().doesNotContain("drop_table");
        assertThat(reports("refused")).as("reported once, however often it is polled").hasSize(1);
        assertThat(metric(metrics(), "parapet_bundle_refusals_total", "reason=\"" + reason + "\"")).isEqualTo(1.0);
        JsonNode ready = readyz();
        assertThat(ready.at("/bundle_poll/state").asText()).isEqualTo("refused");
        assertThat(ready.at("/bundle_poll/detail").asText()).isEqualTo(reason);
        assertThat(ready.at("/bundle/digest").asText()).isEqualTo(good.digest());

        TestBundle fixed = TestBundle.blockingTool("t1", 3, "drop_table").signedBy(KEY);
        control.publish(fixed);
        awaitActive(fixed);
        assertThat(actionFor("drop_table")).isEqualTo("block");
    }

    @Test
    void aRefusalIsLoggedOnceAtWarnNamingReasonAndDigestButNoBundleContent() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(BundlePoller.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            TestBundle good = TestBundle.blockingTool("t1", 1, "rm").signedBy(KEY);
            TestBundle bad = TestBundle.blockingTool("t1", 2, "confidential_tool_name").signedBy(KEY)
                    .withFileChanged("rules/10-rules.yaml", "rules: [] # confidential_comment\n").namingItsOwnDigest();
            control.publish(good);
            startGateway();
            awaitActive(good);
            control.publish(bad);
            int polls = control.polls();
            await("the bad bundle to be polled three times", Duration.ofSeconds(5), () -> control.polls() >= polls + 3);
        } finally {
            logger.detachAppender(captured);
        }

        List<String> warnings = captured.list.stream()
                .filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).singleElement().satisfies(line -> assertThat(line)
                .contains("policy bundle refused", "reason=file_changed", "rules/10-rules.yaml", "still enforcing")
                .doesNotContain("confidential"));
    }

    @Test
    void notModifiedKeepsTheBundleAndPollsAgain() throws Exception {
        TestBundle v1 = TestBundle.blockingTool("t1", 1, "rm").signedBy(KEY);
        control.publish(v1);
        startGateway(control.port(), Duration.ofSeconds(1));
        awaitActive(v1);

        await("two long polls to end unchanged", Duration.ofSeconds(10), () -> control.notModifiedAnswers() >= 2);

        assertThat(gateway.activeBundle().digest()).isEqualTo(v1.digest());
        assertThat(actionFor("rm")).isEqualTo("block");
        assertThat(readyz().at("/bundle_poll/state").asText()).isEqualTo("unchanged");
        assertThat(metric(metrics(), "parapet_bundle_activations_total", "source=\"control_plane\"")).isEqualTo(1.0);
    }

    @Test
    void aRestartedGatewayEnforcesTheKeptBundleBeforeReachingTheControlPlane() throws Exception {
        TestBundle v1 = TestBundle.blockingTool("t1", 4, "rm").signedBy(KEY);
        control.publish(v1);
        startGateway();
        awaitActive(v1);
        gateway.close();
        int port = control.port();
        control.close();

        startGateway(port, Duration.ofSeconds(30));

        assertThat(actionFor("rm")).isEqualTo("block");
        JsonNode ready = readyz();
        assertThat(ready.at("/bundle/source").asText()).isEqualTo("persisted");
        assertThat(ready.at("/bundle/digest").asText()).isEqualTo(v1.digest());
        assertThat(ready.at("/bundle/control_version").asLong()).isEqualTo(4);
        await("the poll to fail", Duration.ofSeconds(5),
                quietly(() -> readyz().at("/bundle_poll/state").asText().equals("unreachable")));

        control = new FakeControlPlane(port);
        control.publish(v1);
        await("the gateway to poll again", Duration.ofSeconds(10), () -> control.polls() >= 1);
        Thread.sleep(200);
        assertThat(gateway.activeBundle().source()).as("same digest: held open, no swap").isEqualTo(BundleSource.PERSISTED);
    }

    @Test
    void aKeptBundleChangedOnDiskIsRefusedAtRestartAndTheControlPlaneIsTold() throws Exception {
        TestBundle v1 = TestBundle.blockingTool("t1", 4, "rm").signedBy(KEY);
        control.publish(v1);
        startGateway();
        awaitActive(v1);
        gateway.close();
        int port = control.port();
        control.close();
        try (Stream<Path> walk = Files.walk(dir.resolve("bundle"))) {
            Path rules = walk.filter(p -> p.endsWith(Path.of("rules", "10-rules.yaml"))).findFirst().orElseThrow();
            Files.writeString(rules, "rules: []\n");
        }

        startGateway(port, Duration.ofSeconds(30));

        JsonNode ready = readyz();
        assertThat(ready.at("/bundle/source").asText()).isEqualTo("default");
        assertThat(ready.at("/bundle/digest").asText()).isEqualTo(PolicyBundle.defaults().digest());
        assertThat(actionFor("rm")).isEqualTo("allow");
        assertThat(metric(metrics(), "parapet_bundle_refusals_total", "reason=\"file_changed\"")).isEqualTo(1.0);
        assertThat(metrics()).contains("source=\"persisted\"");

        control = new FakeControlPlane(port);
        control.publish(v1);
        awaitActive(v1);
        assertThat(actionFor("rm")).isEqualTo("block");
        await("the refusal at start to be delivered", Duration.ofSeconds(15), () -> !reports("refused").isEmpty());
        JsonNode report = reports("refused").getFirst();
        assertThat(report.get("source").asText()).isEqualTo("persisted");
        assertThat(report.get("reason").asText()).isEqualTo("file_changed");
        assertThat(report.get("detail").asText()).contains("rules/10-rules.yaml");
    }

    @Test
    void statusReportsWaitOnDiskUntilTheControlPlaneTakesThem() throws Exception {
        TestBundle good = TestBundle.blockingTool("t1", 1, "rm").signedBy(KEY);
        control.answerStatusWith(404);
        control.publish(good);
        startGateway();
        awaitActive(good);
        control.publish(TestBundle.blockingTool("t1", 2, "x").signedBy(STRANGER));
        Path outbox = dir.resolve("bundle").resolve("outbox");
        await("both reports to be kept on disk", Duration.ofSeconds(5), quietly(() -> {
            try (Stream<Path> files = Files.list(outbox)) {
                return files.filter(p -> p.toString().endsWith(".json")).count() == 2;
            }
        }));

        control.answerStatusWith(202);

        await("the kept reports to be delivered", Duration.ofSeconds(15), () -> control.statusReports().size() == 2);
        assertThat(control.statusReports()).extracting(r -> r.get("outcome").asText())
                .containsExactly("activated", "refused");
    }

    @Test
    void anApiKeyFromTheBundleAuthenticatesAndARevokedPrincipalIsRefusedAfterASwap() throws Exception {
        String agentKey = "pk_bundle-agent-key";
        TestBundle v1 = TestBundle.blockingTool("t1", 1, "rm").principals("""
                api_keys:
                  - id: key-agent-9
                    hash: %s
                    principal: agent-9
                    kind: agent
                    role: automation
                """.formatted(SecretHash.of(agentKey))).signedBy(KEY);
        TestBundle v2 = TestBundle.blockingTool("t1", 2, "rm").principals("""
                api_keys:
                  - id: key-agent-9
                    hash: %s
                    principal: agent-9
                    kind: agent
                    role: automation
                revoked: [agent-9, svc-static]
                """.formatted(SecretHash.of(agentKey))).signedBy(KEY);
        control.publish(v1);
        startGateway();
        awaitActive(v1);

        assertThat(decide("search", agentKey).statusCode()).isEqualTo(200);
        assertThat(decide("search", API_KEY).statusCode()).isEqualTo(200);
        assertThat(decide("search", "pk_nobody").statusCode()).isEqualTo(401);

        control.publish(v2);
        awaitActive(v2);

        for (String key : List.of(agentKey, API_KEY)) {
            HttpResponse<String> refused = decide("search", key);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json.readTree(refused.body()).at("/error/code").asText()).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void aSwapIsAtomicUnderConcurrentRequests() throws Exception {
        // odd versions block tool 'x', even versions allow it: every answer must agree with its own bundle version
        List<TestBundle> versions = new ArrayList<>();
        for (int v = 1; v <= 12; v++) {
            versions.add((v % 2 == 1 ? TestBundle.blockingTool("t1", v, "x") : TestBundle.blockingTool("t1", v, "y"))
                    .signedBy(KEY));
        }
        control.publish(versions.getFirst());
        startGateway();
        awaitActive(versions.getFirst());

        List<String> inconsistent = Collections.synchronizedList(new ArrayList<>());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> res = decide("x", API_KEY);
                        JsonNode d = json.readTree(res.body());
                        long version = d.at("/bundle/version").asLong();
                        String action = d.get("action").asText();
                        String digest = d.at("/bundle/digest").asText();
                        seen.add(digest);
                        boolean expectBlock = version % 2 == 1;
                        if (res.statusCode() != 200 || action.equals("block") != expectBlock
                                || !digest.equals(versions.get((int) version - 1).digest())) {
                            inconsistent.add(res.statusCode() + " v" + version + " " + action + " " + digest);
                        }
                    } catch (Exception e) {
                        inconsistent.add(e.toString());
                    }
                }
            }));
        }
        for (TestBundle v : versions.subList(1, versions.size())) {
            control.publish(v);
            awaitActive(v);
            Thread.sleep(20);
        }
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }

        assertThat(inconsistent).isEmpty();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * Publish-to-enforced through the long-poll: from the control plane making a bundle current to
     * the first request that the new bundle decides, back-to-back requests on loopback. Median of 21.
     */
    @Test
    void publishToEnforcedThroughTheLongPollIsMeasured() throws Exception {
        TestBundle first = TestBundle.blockingTool("t1", 1, "tool_1").signedBy(KEY);
        control.publish(first);
        startGateway();
        awaitActive(first);
        List<Long> micros = new ArrayList<>();
        for (int v = 2; v <= 22; v++) {
            TestBundle next = TestBundle.blockingTool("t1", v, "tool_" + v).signedBy(KEY);
            String tool = "tool_" + v;
            await("a poll to be held open", Duration.ofSeconds(5), () -> control.heldOpen() > 0);
            long published = System.nanoTime();
            control.publish(next);
            await("v" + next.version() + " to decide", Duration.ofSeconds(5),
                    quietly(() -> actionFor(tool).equals("block")));
            micros.add((System.nanoTime() - published) / 1_000);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("publish-to-enforced over the long-poll: median %.1f ms, min %.1f ms, max %.1f ms (n=%d)%n",
                median / 1000.0, sorted.getFirst() / 1000.0, sorted.getLast() / 1000.0, sorted.size());
        assertThat(median).as("median publish-to-enforced, µs").isLessThan(1_000_000);
    }

    @Test
    void aRefusedGatewayTokenShowsInReadiness() throws Exception {
        gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, "gw-test", "t1", 64 * 1024, List.of(), List.of(),
                Optional.of(new GatewayConfig.ControlLink(URI.create(control.url()), "pgw_wrong", Duration.ofSeconds(1))),
                dir.resolve("spool"), Optional.empty(), new byte[32], Duration.ofSeconds(1),
                new GatewayConfig.BundleDistribution(List.of(publicKey), Duration.ofMillis(200), Duration.ofSeconds(30),
                        dir.resolve("bundle"))));

        await("the poll to be refused", Duration.ofSeconds(5),
                quietly(() -> readyz().at("/bundle_poll/state").asText().equals("unauthorized")));
        assertThat(readyz().at("/bundle/source").asText()).isEqualTo("default");
    }
}
