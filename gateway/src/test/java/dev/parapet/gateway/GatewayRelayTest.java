package dev.parapet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.SecretHash;
import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventJson;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against an upstream that replays OpenAI's documented responses
 * ({@code fixtures/openai}): answers are relayed byte for byte, streams chunk by chunk, the
 * client's key never travels upstream, and upstream error bodies never reach the client.
 */
class GatewayRelayTest {
    private static final String CLIENT_KEY = "pk_test-client-key";
    private static final String UPSTREAM_KEY = "sk-upstream-secret";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<String> upstreamAuthorization = new AtomicReference<>();
    private final CountDownLatch clientSawFirstChunk = new CountDownLatch(1);
    private WebServer upstream;
    private Gateway gateway;

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = GatewayRelayTest.class.getResourceAsStream("/fixtures/openai/" + name)) {
            return in.readAllBytes();
        }
    }

    @BeforeEach
    void start() {
        upstream = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> r.post("/v1/chat/completions", this::replay)).build().start();
        gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, "gw-test", "t1", 64 * 1024,
                List.of(new GatewayConfig.Upstream("fixtures", URI.create("http://127.0.0.1:" + upstream.port() + "/v1"),
                        Optional.of(UPSTREAM_KEY), List.of("*"), Duration.ofSeconds(2), Duration.ofSeconds(10))),
                List.of(new GatewayConfig.ApiKey(SecretHash.of(CLIENT_KEY), "t1", "svc-1", "developer")),
                Optional.empty(), dir.resolve("spool"), Optional.empty(), new byte[32], Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        gateway.close();
        upstream.stop();
    }

    /** Replays a fixture chosen by the requested model; the stream waits for the client between chunks. */
    private void replay(ServerRequest req, ServerResponse res) throws Exception {
        upstreamAuthorization.set(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null));
        JsonNode body = new ObjectMapper().readTree(req.content().inputStream());
        switch (body.get("model").asText()) {
            case "stream" -> {
                res.header("Content-Type", "text/event-stream; charset=utf-8");
                String[] events = new String(fixture("chat-completion-stream.sse"), StandardCharsets.UTF_8).split("(?<=\n\n)");
                try (OutputStream out = res.outputStream()) {
                    out.write(events[0].getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    // A gateway that buffered the stream would never let the client see this chunk.
                    if (!clientSawFirstChunk.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the first chunk did not reach the client");
                    }
                    for (int i = 1; i < events.length; i++) {
                        out.write(events[i].getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
            case "missing" -> {
                res.status(404).header("Content-Type", "application/json");
                res.send(fixture("error-model-not-found.json"));
            }
            default -> {
                res.header("Content-Type", "application/json");
                res.send(fixture("chat-completion.json"));
            }
        }
    }

    private HttpRequest request(String model, boolean stream) {
        return HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + CLIENT_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}"))
                .build();
    }

    @Test
    void relaysAJsonAnswerByteForByteWithItsOwnCredential() throws Exception {
        HttpResponse<byte[]> res = http.send(request("gpt-4.1", false), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(fixture("chat-completion.json"));
        assertThat(res.headers().firstValue("x-parapet-decision-id")).isPresent();
        assertThat(upstreamAuthorization.get()).isEqualTo("Bearer " + UPSTREAM_KEY);
    }

    @Test
    void relaysAStreamChunkByChunkAndByteForByte() throws Exception {
        HttpResponse<InputStream> res = http.send(request("stream", true), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");

        List<Byte> received = new ArrayList<>();
        try (InputStream in = res.body()) {
            int b;
            int newlines = 0;
            while ((b = in.read()) >= 0) {
                received.add((byte) b);
                newlines = b == '\n' ? newlines + 1 : 0;
                if (newlines == 2) {
                    clientSawFirstChunk.countDown();
                }
            }
        }
        byte[] bytes = new byte[received.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = received.get(i);
        }
        assertThat(bytes).isEqualTo(fixture("chat-completion-stream.sse"));
    }

    @Test
    void anUpstreamErrorKeepsItsStatusButNotItsBody() throws Exception {
        HttpResponse<String> res = http.send(request("missing", false), HttpResponse.BodyHandlers.ofString());

        assertThat(res.statusCode()).isEqualTo(404);
        JsonNode error = new ObjectMapper().readTree(res.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("upstream_error");
        assertThat(res.body()).doesNotContain("gpt-5-turbo").doesNotContain("model_not_found");
    }

    @Test
    void withoutAControlPlaneEveryDecisionStaysInTheSpool() throws Exception {
        http.send(request("gpt-4.1", false), HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
        gateway.close();

        List<DecisionEvent> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    events.add(EventJson.readEvent(line));
                }
            }
        }
        assertThat(events).extracting(DecisionEvent::decision, DecisionEvent::httpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allow", 200),
                        org.assertj.core.groups.Tuple.tuple("block", 401));
        assertThat(events.getFirst().principalId()).isEqualTo("svc-1");
        assertThat(events.get(1).principalId()).isEqualTo("anonymous");
        assertThat(events.get(1).tenantId()).isEqualTo("t1");
    }
}
