package dev.parapet.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo upstream answers in the shape of OpenAI's documented responses (the recorded
 * fixtures in {@code gateway/src/test/resources/fixtures/openai}): every field the fixture has,
 * with the same JSON type, in the same SSE framing.
 */
class DemoUpstreamWireFormatTest {
    private static final Path FIXTURES = Path.of("..", "gateway", "src", "test", "resources", "fixtures", "openai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static DemoUpstream upstream;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        upstream = DemoUpstream.start("127.0.0.1", 0, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    private String post(String body) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return res.body();
    }

    /** Every leaf path of a JSON value with its node type, e.g. {@code choices[0].message.content -> STRING}. */
    static Map<String, String> shape(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        walk("", node, out);
        return out;
    }

    private static void walk(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(f -> walk(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.getNodeType().name());
        }
    }

    @Test
    void completionHasEveryFieldOfTheDocumentedExample() throws Exception {
        JsonNode documented = JSON.readTree(Files.readString(FIXTURES.resolve("chat-completion.json")));
        JsonNode ours = JSON.readTree(post("{\"model\":\"parapet-echo\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}"));

        assertThat(shape(ours)).containsAllEntriesOf(shape(documented));
        assertThat(ours.at("/choices/0/message/content").asText()).isEqualTo("Hello!");
        assertThat(ours.at("/usage/total_tokens").asInt())
                .isEqualTo(ours.at("/usage/prompt_tokens").asInt() + ours.at("/usage/completion_tokens").asInt());
    }

    @Test
    void streamIsFramedAndShapedLikeTheDocumentedExample() throws Exception {
        List<String> documented = Arrays.asList(Files.readString(FIXTURES.resolve("chat-completion-stream.sse")).split("\n\n"));
        List<String> ours = Arrays.asList(post("{\"model\":\"parapet-echo\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}").split("\n\n"));

        assertThat(ours).allSatisfy(event -> assertThat(event).startsWith("data: "));
        assertThat(ours.getLast()).isEqualTo("data: [DONE]");
        assertThat(ours).hasSameSizeAs(documented); // role chunk, one content chunk, stop chunk, [DONE]
        for (int i = 0; i < documented.size() - 1; i++) {
            Map<String, String> expected = shape(JSON.readTree(documented.get(i).substring(6)));
            expected.remove("system_fingerprint"); // the demo has none: null, as OpenAI sends for many models
            assertThat(shape(JSON.readTree(ours.get(i).substring(6)))).as("chunk %d", i).containsAllEntriesOf(expected);
        }
    }

    @Test
    void unknownModelIsAnsweredWithTheDocumentedErrorShape() throws Exception {
        JsonNode documented = JSON.readTree(Files.readString(FIXTURES.resolve("error-model-not-found.json")));
        JsonNode ours = JSON.readTree(post("{\"model\":\"gpt-5-turbo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));

        assertThat(shape(ours)).isEqualTo(shape(documented));
        assertThat(ours.at("/error/code").asText()).isEqualTo("model_not_found");
    }
}
