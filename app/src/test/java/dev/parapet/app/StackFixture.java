package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.app.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A demo stack on free loopback ports in a temporary directory, with an extra upstream that is
 * always down, a small body limit, slow streaming and fast event delivery; plus HTTP helpers.
 */
final class StackFixture implements AutoCloseable {
    static final long MAX_BODY = 64 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final Path dataDir;
    LocalStack stack;

    private final Map<String, String> extraFlags;

    StackFixture(Path dataDir) throws IOException {
        this(dataDir, Map.of());
    }

    /** @param extraFlags further settings by key, e.g. {@code gateway.policy_bundle} */
    StackFixture(Path dataDir, Map<String, String> extraFlags) throws IOException {
        this.dataDir = dataDir;
        this.extraFlags = Map.copyOf(extraFlags);
        this.stack = LocalStack.startDemo(settings(dataDir, this.extraFlags));
    }

    static Settings settings(Path dataDir, Map<String, String> extraFlags) throws IOException {
        Path config = Files.createDirectories(dataDir).resolve("parapet-test.yaml");
        Files.writeString(config, """
                gateway:
                  upstreams:
                    - name: always-down
                      base_url: http://127.0.0.1:9/v1
                      models: [down-model]
                """);
        Map<String, String> flags = new HashMap<>();
        flags.put("data_dir", dataDir.toString());
        flags.put("gateway.port", "0");
        flags.put("control.port", "0");
        flags.put("gateway.max_body_bytes", Long.toString(MAX_BODY));
        flags.put("gateway.events_flush_interval_ms", "100");
        flags.put("gateway.shutdown_grace_seconds", "5");
        flags.put("demo.chunk_delay_ms", "60");
        flags.putAll(extraFlags);
        return Settings.load(Optional.of(config), Map.of(), flags);
    }

    void restart() throws IOException {
        stack.close();
        stack = LocalStack.startDemo(settings(dataDir, extraFlags));
    }

    String apiKey() {
        return stack.credentials().apiKey();
    }

    HttpResponse<String> chat(String body) throws Exception {
        return chat(body, "Bearer " + apiKey());
    }

    HttpResponse<String> chat(String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.credentials().gatewayUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String userMessage(String model, String text) {
        return JSON.createObjectNode().put("model", model)
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", text)))
                .toString();
    }

    /** The stored event of a decision, waiting for delivery (at most 10 s). */
    JsonNode storedEvent(String decisionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode item : events("").get("items")) {
                if (item.get("decision_id").asText().equals(decisionId)) {
                    return item;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no stored event for decision " + decisionId);
    }

    JsonNode events(String query) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(stack.credentials().controlUrl()
                        + "/v1/events?limit=500" + query))
                .header("Authorization", "Bearer " + stack.credentials().adminToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    static String param(String name, String value) {
        return "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stack.close();
    }
}
