package dev.parapet.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for an OpenAI-compatible provider, for the demo and for tests: {@code POST
 * /v1/chat/completions} answers with the last user message, as a JSON completion or as a stream of
 * {@code chat.completion.chunk} events ending in {@code data: [DONE]}, with usage, in OpenAI's wire
 * format. It serves the model {@value #MODEL} and answers other models with OpenAI's 404 error.
 *
 * <p>Token counts are whitespace-separated words; real tokenizers differ, the shape does not.
 */
public final class DemoUpstream implements AutoCloseable {
    /** The model the demo upstream serves. */
    public static final String MODEL = "parapet-echo";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final Duration chunkDelay;
    private final AtomicReference<byte[]> lastRequest = new AtomicReference<>();
    private final WebServer server;

    private DemoUpstream(String host, int port, Duration chunkDelay) {
        this.chunkDelay = chunkDelay;
        this.server = WebServer.builder().host(host).port(port).shutdownHook(false)
                .routing(this::routing).build().start();
    }

    /**
     * @param port       0 for a free port
     * @param chunkDelay pause between streamed chunks, to make streaming visible
     */
    public static DemoUpstream start(String host, int port, Duration chunkDelay) {
        return new DemoUpstream(host, port, chunkDelay);
    }

    private void routing(HttpRouting.Builder rules) {
        rules.post("/v1/chat/completions", this::chat)
                .get("/v1/models", (req, res) -> send(res, 200, json.createObjectNode().put("object", "list")
                        .set("data", json.createArrayNode().add(json.createObjectNode().put("id", MODEL)
                                .put("object", "model").put("created", 1_763_769_600L).put("owned_by", "parapet")))));
    }

    public int port() {
        return server.port();
    }

    /** The base URL clients use, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The body of the last chat request received, as bytes; for tests that check what reached the upstream. */
    public byte[] lastRequest() {
        return lastRequest.get();
    }

    private void chat(ServerRequest req, ServerResponse res) throws IOException {
        byte[] body = req.content().inputStream().readAllBytes();
        lastRequest.set(body);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            sendError(res, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
            return;
        }
        if (root == null || !root.path("messages").isArray() || !root.path("model").isTextual()) {
            sendError(res, 400, "Missing required parameters: 'model' and 'messages'.", "invalid_request_error", null);
            return;
        }
        String model = root.get("model").asText();
        if (!model.equals(MODEL)) {
            sendError(res, 404, "The model `" + model + "` does not exist or you do not have access to it.",
                    "invalid_request_error", "model_not_found");
            return;
        }
        String answer = lastUserMessage(root.get("messages"));
        int promptTokens = countTokens(root.get("messages"));
        int completionTokens = words(answer);
        String id = "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        long created = System.currentTimeMillis() / 1000;
        if (root.path("stream").asBoolean(false)) {
            stream(res, id, created, answer, promptTokens, completionTokens,
                    root.path("stream_options").path("include_usage").asBoolean(false));
        } else {
            ObjectNode completion = base(id, "chat.completion", created);
            ObjectNode choice = completion.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", answer).putNull("refusal")
                    .putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            completion.set("usage", usage(promptTokens, completionTokens));
            send(res, 200, completion);
        }
    }

    private void stream(ServerResponse res, String id, long created, String answer, int promptTokens,
                        int completionTokens, boolean includeUsage) throws IOException {
        res.status(200);
        res.header("Content-Type", "text/event-stream; charset=utf-8");
        res.header("Cache-Control", "no-cache");
        try (OutputStream out = res.outputStream()) {
            ObjectNode first = chunk(id, created, includeUsage);
            ObjectNode firstChoice = ((ArrayNode) first.get("choices")).addObject();
            firstChoice.put("index", 0);
            firstChoice.putObject("delta").put("role", "assistant").put("content", "").putNull("refusal");
            firstChoice.putNull("logprobs");
            firstChoice.putNull("finish_reason");
            event(out, first);
            for (String piece : pieces(answer)) {
                pause();
                ObjectNode c = chunk(id, created, includeUsage);
                ObjectNode choice = ((ArrayNode) c.get("choices")).addObject();
                choice.put("index", 0);
                choice.putObject("delta").put("content", piece);
                choice.putNull("logprobs");
                choice.putNull("finish_reason");
                event(out, c);
            }
            ObjectNode last = chunk(id, created, includeUsage);
            ObjectNode lastChoice = ((ArrayNode) last.get("choices")).addObject();
            lastChoice.put("index", 0);
            lastChoice.putObject("delta");
            lastChoice.putNull("logprobs");
            lastChoice.put("finish_reason", "stop");
            event(out, last);
            if (includeUsage) {
                ObjectNode usage = chunk(id, created, false);
                usage.set("usage", usage(promptTokens, completionTokens));
                event(out, usage);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private ObjectNode base(String id, String object, long created) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id).put("object", object).put("created", created).put("model", MODEL)
                .put("service_tier", "default").putNull("system_fingerprint");
        return node;
    }

    private ObjectNode chunk(String id, long created, boolean usageNull) {
        ObjectNode c = base(id, "chat.completion.chunk", created);
        c.putArray("choices");
        if (usageNull) {
            c.putNull("usage");
        }
        return c;
    }

    private ObjectNode usage(int prompt, int completion) {
        ObjectNode usage = json.createObjectNode();
        usage.put("prompt_tokens", prompt).put("completion_tokens", completion).put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return usage;
    }

    private void event(OutputStream out, JsonNode node) throws IOException {
        out.write(("data: " + json.writeValueAsString(node) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void pause() {
        if (!chunkDelay.isZero()) {
            try {
                Thread.sleep(chunkDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The answer split into word-sized pieces, each keeping its leading space, as models stream them. */
    static List<String> pieces(String answer) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= answer.length(); i++) {
            if (i == answer.length() || answer.charAt(i) == ' ') {
                pieces.add(answer.substring(start, i));
                start = i;
            }
        }
        return pieces;
    }

    static String lastUserMessage(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (m.path("role").asText().equals("user")) {
                return textOf(m.get("content"));
            }
        }
        return "";
    }

    private static String textOf(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("text")) {
                parts.add(part.path("text").asText());
            }
        }
        return String.join("\n", parts);
    }

    private static int countTokens(JsonNode messages) {
        int n = 0;
        for (JsonNode m : messages) {
            n += 4 + words(textOf(m.get("content")));
        }
        return n;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private void sendError(ServerResponse res, int status, String message, String type, String code) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", type).putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        send(res, status, body);
    }

    private void send(ServerResponse res, int status, JsonNode body) {
        try {
            res.status(status);
            res.header("Content-Type", "application/json");
            res.send(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
