package dev.parapet.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenVaultTest {

    private static Finding email(int start, int end) {
        return new Finding("pii.email", "pii", "DLP-EMAIL", Severity.MEDIUM, 0.9, 0, start, end);
    }

    @Test
    void tokenizesEachDistinctValueOnceAndRestoresIt() {
        TokenVault vault = new TokenVault();
        String text = "a@x.io, b@y.io and a@x.io again";

        String masked = Redactor.apply(text, List.of(email(0, 6), email(8, 14), email(19, 25)), vault);

        assertThat(masked).isEqualTo("<EMAIL_1>, <EMAIL_2> and <EMAIL_1> again");
        assertThat(vault.restore("Write to <EMAIL_2> and cc <EMAIL_1>.")).isEqualTo("Write to b@y.io and cc a@x.io.");
    }

    @Test
    void tokensTheVaultDidNotIssueAreLeftAlone() {
        TokenVault vault = new TokenVault();
        vault.replace("pii.email", "a@x.io");

        assertThat(vault.restore("<EMAIL_7> <PHONE_1> <EMAIL_1>")).isEqualTo("<EMAIL_7> <PHONE_1> a@x.io");
    }

    @Test
    void restoredValuesAreInsertedLiterally() {
        TokenVault vault = new TokenVault();
        String token = vault.replace("secret.generic", "pa$$\\1word");

        assertThat(vault.restore("key " + token)).isEqualTo("key pa$$\\1word");
    }

    static Stream<Integer> splitPoints() {
        return IntStream.rangeClosed(1, 28).boxed();
    }

    @ParameterizedTest(name = "split at {0}")
    @MethodSource("splitPoints")
    void aTokenSplitAcrossStreamedPiecesIsRestoredWhole(int split) {
        TokenVault vault = new TokenVault();
        String token = vault.replace("pii.email", "jane@example.com");
        String answer = "Mail " + token + " today, ok?";
        TokenVault.StreamRestorer restorer = vault.streamRestorer();

        String out = restorer.push(answer.substring(0, Math.min(split, answer.length())))
                + restorer.push(answer.substring(Math.min(split, answer.length())))
                + restorer.flush();

        assertThat(out).isEqualTo("Mail jane@example.com today, ok?");
    }

    @Test
    void textWithoutAnyTokenPassesThroughAtOnce() {
        TokenVault vault = new TokenVault();
        vault.replace("pii.email", "x@y.io");
        TokenVault.StreamRestorer restorer = vault.streamRestorer();

        assertThat(restorer.push("1 < 2 and ")).isEqualTo("1 < 2 and ");
        assertThat(restorer.push("<b>bold</b>")).isEqualTo("<b>bold</b>");
        assertThat(restorer.push("then <EMA")).isEqualTo("then ");
        assertThat(restorer.flush()).isEqualTo("<EMA");
    }

    @Test
    void keyedHashIsStablePerKeyAndHidesTheValue() {
        Replacement a = Replacement.keyedHash(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        Replacement b = Replacement.keyedHash(other);

        String h = a.replace("pii.email", "jane@example.com");
        assertThat(h).matches("<EMAIL#[0-9a-f]{12}>").doesNotContain("jane");
        assertThat(a.replace("pii.email", "jane@example.com")).isEqualTo(h);
        assertThat(b.replace("pii.email", "jane@example.com")).isNotEqualTo(h);
        assertThat(a.replace("pii.email", "john@example.com")).isNotEqualTo(h);
    }

    @Test
    void maskIsStillTheDefault() {
        List<ChatMessage> out = Redactor.redact(List.of(new ChatMessage("user", "mail a@x.io")), List.of(email(5, 11)));

        assertThat(out.getFirst().content()).isEqualTo("mail [REDACTED_EMAIL]");
    }
}
