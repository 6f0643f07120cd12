package dev.parapet.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ChatRequestCodecTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ChatRequestCodec codec = new ChatRequestCodec(json);

    private ChatRequestCodec.Result parse(String body) {
        return codec.parse(body.getBytes(StandardCharsets.UTF_8), "openai", "chat.completions");
    }

    @Test
    void normalisesStringAndPartContent() {
        var result = (ChatRequestCodec.Result.Valid) parse("""
                {"model":"m","stream":true,"messages":[
                  {"role":"system","content":"be brief"},
                  {"role":"user","content":[{"type":"text","text":"hello"},{"type":"image_url","image_url":{"url":"x"}},
                                            {"type":"text","text":"world"}]},
                  {"role":"assistant","content":null,"tool_calls":[]}]}""");

        var interaction = result.request().interaction();
        assertThat(interaction.model()).isEqualTo("m");
        assertThat(interaction.stream()).isTrue();
        assertThat(interaction.messages()).extracting(m -> m.role() + ":" + m.content())
                .containsExactly("system:be brief", "user:hello\nworld", "assistant:");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not json", "{\"model\":", "not valid JSON"),
                Arguments.of("array body", "[]", "JSON object"),
                Arguments.of("missing model", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "'model'"),
                Arguments.of("empty messages", "{\"model\":\"m\",\"messages\":[]}", "'messages'"),
                Arguments.of("role not a string", "{\"model\":\"m\",\"messages\":[{\"role\":1,\"content\":\"x\"}]}", "messages[0].role"),
                Arguments.of("content a number", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}", "messages[0].content"),
                Arguments.of("stream not boolean", "{\"model\":\"m\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "'stream'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedRequestsNamingTheProblem(String name, String body, String problem) {
        assertThat(parse(body)).isInstanceOfSatisfying(ChatRequestCodec.Result.Invalid.class,
                invalid -> assertThat(invalid.problem()).contains(problem));
    }

    @Test
    void redactionRewritesOnlyTheMaskedTextAndKeepsOtherFields() throws Exception {
        var parsed = ((ChatRequestCodec.Result.Valid) parse("""
                {"model":"m","temperature":0.2,"messages":[
                  {"role":"user","content":[{"type":"text","text":"mail a@b.io"},{"type":"text","text":"or c@d.io now"}]}]}"""))
                .request();
        // "mail a@b.io\nor c@d.io now": spans 5-11 and 15-21 in the normalised content
        List<Finding> spans = List.of(email(0, 5, 11), email(0, 15, 21));

        JsonNode rewritten = json.readTree(codec.redact(parsed, spans, dev.parapet.detect.Replacement.MASK));

        assertThat(rewritten.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(rewritten.at("/messages/0/content/0/text").asText()).isEqualTo("mail [REDACTED_EMAIL]");
        assertThat(rewritten.at("/messages/0/content/1/text").asText()).isEqualTo("or [REDACTED_EMAIL] now");
    }

    private static Finding email(int message, int start, int end) {
        return new Finding("pii.email", "pii", "PII-EMAIL", Severity.MEDIUM, 0.9, message, start, end);
    }
}
