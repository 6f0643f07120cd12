package dev.parapet.detect;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private static Finding finding(String type, int message, int start, int end) {
        return new Finding(type, type.substring(0, type.indexOf('.')), "T", Severity.MEDIUM, 1.0, message, start, end);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email                 | pii.email              | [REDACTED_EMAIL]
            card_number           | pci.card_number        | [REDACTED_CARD_NUMBER]
            nested_type           | secret.aws.access_key  | [REDACTED_AWS_ACCESS_KEY]
            """)
    void placeholderIsTheUpperCasedTypeSuffix(String name, String type, String placeholder) {
        assertThat(Redactor.placeholder(type)).isEqualTo(placeholder);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            single_span           | 0,5           |             | [REDACTED_EMAIL] fghij
            two_separate_spans    | 0,2           | 4,6         | [REDACTED_EMAIL]cd[REDACTED_EMAIL]fghij
            overlapping_spans     | 0,4           | 2,7         | [REDACTED_EMAIL]ghij
            adjacent_spans        | 0,3           | 3,6         | [REDACTED_EMAIL]fghij
            contained_span        | 0,8           | 2,4         | [REDACTED_EMAIL]hij
            span_past_the_end     | 6,99          |             | abcde [REDACTED_EMAIL]
            """)
    void masksAndMergesSpans(String name, String a, String b, String expected) {
        String text = "abcde fghij";
        List<Finding> spans = new java.util.ArrayList<>();
        for (String s : new String[] {a, b}) {
            if (s != null) {
                String[] p = s.split(",");
                spans.add(finding("pii.email", 0, Integer.parseInt(p[0]), Integer.parseInt(p[1])));
            }
        }
        assertThat(Redactor.redact(List.of(new ChatMessage("user", text)), spans))
                .singleElement().extracting(ChatMessage::content).isEqualTo(expected);
    }

    @Test
    void mergedSpanIsNamedForTheFindingThatStartsFirst() {
        List<ChatMessage> out = Redactor.redact(List.of(new ChatMessage("user", "0123456789")),
                List.of(finding("pci.card_number", 0, 3, 9), finding("pii.email", 0, 1, 5)));
        assertThat(out.getFirst().content()).isEqualTo("0[REDACTED_EMAIL]9");
    }

    @Test
    void masksEachMessageAndLeavesOthersUnchanged() {
        ChatMessage system = new ChatMessage("system", "be nice");
        ChatMessage first = new ChatMessage("user", "mail a@b.io");
        ChatMessage second = new ChatMessage("user", "card 4111111111111111 ok");
        List<ChatMessage> out = Redactor.redact(List.of(system, first, second), List.of(
                finding("pci.card_number", 2, 5, 21), finding("pii.email", 1, 5, 11)));

        assertThat(out).extracting(ChatMessage::content)
                .containsExactly("be nice", "mail [REDACTED_EMAIL]", "card [REDACTED_CARD_NUMBER] ok");
        assertThat(out.getFirst()).isSameAs(system);
        assertThat(out.get(1).role()).isEqualTo("user");
    }

    @Test
    void noFindingsReturnsTheSameMessages() {
        ChatMessage m = new ChatMessage("user", "hello");
        assertThat(Redactor.redact(List.of(m), List.of())).containsExactly(m).first().isSameAs(m);
    }
}
