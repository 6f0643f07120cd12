package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.app.demo.DemoUpstream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle that tokenizes e-mail addresses and hashes card numbers: the upstream sees only
 * tokens and hashes, and the client gets its own e-mail address back in the answer, streamed too.
 */
class ReversibleRedactionTest {
    private static final String BUNDLE = """
            bundle:
              name: reversible
              version: "7"
            rules:
              - id: tokenize-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: redact
                redact: [pii.email]
                redact_mode: tokenize
                reason_code: pii_email_tokenized
              - id: hash-card
                when: "findings.exists(f, f.type == 'pci.card_number')"
                action: redact
                redact: [pci.card_number]
                redact_mode: hash
                reason_code: pci_card_number_hashed
            """;

    @TempDir
    static Path dir;
    static StackFixture fx;

    @BeforeAll
    static void start() throws Exception {
        Path bundle = Files.writeString(Files.createDirectories(dir).resolve("bundle.yaml"), BUNDLE);
        fx = new StackFixture(dir.resolve("data"), Map.of("gateway.policy_bundle", bundle.toString()));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static String upstreamSaw() {
        return new String(fx.stack.upstream().lastRequest(), StandardCharsets.UTF_8);
    }

    @Test
    void tokenizedEmailNeverReachesTheUpstreamButComesBackInTheAnswer() throws Exception {
        HttpResponse<String> res = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL,
                "Write to jane@example.com and copy jane@example.com and bob@example.org"));

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(upstreamSaw()).doesNotContain("@example").contains("<EMAIL_1>").contains("<EMAIL_2>");
        assertThat(StackFixture.JSON.readTree(res.body()).at("/choices/0/message/content").asText())
                .isEqualTo("Write to jane@example.com and copy jane@example.com and bob@example.org");
        JsonNode event = fx.storedEvent(res.headers().firstValue("x-parapet-decision-id").orElseThrow());
        assertThat(event.get("decision").asText()).isEqualTo("redact");
        assertThat(event.get("bundle_version").asText()).isEqualTo("7");
        assertThat(event.toString()).doesNotContain("jane");
    }

    @Test
    void tokensSplitAcrossStreamedChunksAreRestored() throws Exception {
        // the demo upstream streams word by word: "<EMAIL_1>" arrives inside one piece, and the
        // chunk boundaries fall around it; the restored stream must read exactly like the prompt
        String prompt = "ping jane@example.com now";
        HttpRequest req = HttpRequest.newBuilder(URI.create(fx.stack.credentials().gatewayUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + fx.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"parapet-echo\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))
                .build();
        HttpResponse<InputStream> res = fx.http.send(req, HttpResponse.BodyHandlers.ofInputStream());

        StringBuilder text = new StringBuilder();
        boolean done = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("data: [DONE]")) {
                    done = true;
                } else if (line.startsWith("data: ")) {
                    StackFixture.JSON.readTree(line.substring(6)).path("choices")
                            .forEach(c -> text.append(c.path("delta").path("content").asText("")));
                }
            }
        }
        assertThat(done).isTrue();
        assertThat(text.toString()).isEqualTo(prompt);
        assertThat(upstreamSaw()).doesNotContain("jane@example.com").contains("<EMAIL_1>");
    }

    @Test
    void hashedCardNumbersAreStableAndIrreversible() throws Exception {
        HttpResponse<String> first = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "card 4111 1111 1111 1111"));
        String firstSeen = upstreamSaw();
        HttpResponse<String> second = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "card 4111 1111 1111 1111"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(firstSeen).doesNotContain("4111").containsPattern("<CARD_NUMBER#[0-9a-f]{12}>");
        assertThat(upstreamSaw()).isEqualTo(firstSeen);
        assertThat(StackFixture.JSON.readTree(second.body()).at("/choices/0/message/content").asText())
                .doesNotContain("4111").startsWith("card <CARD_NUMBER#");
    }
}
