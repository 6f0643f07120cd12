package dev.parapet.detect.dlp;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DlpDetectorTest {

    @Test
    void coversAtLeastThirtyEntityTypes() {
        assertThat(Dlp.DETECTOR.types()).hasSizeGreaterThanOrEqualTo(30)
                .contains("pii.email", "pci.card_number", "pii.phone", "pii.iban", "pii.ip_address", "pii.us_ssn",
                        "pii.us_driver_license", "pii.domain_name");
    }

    @Test
    void findingsCarryTypeFamilyRuleAndMessageIndex() {
        List<Finding> out = new ArrayList<>();
        Dlp.DETECTOR.detect(3, "card 4111111111111111", out);
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("pci.card_number");
            assertThat(f.family()).isEqualTo("pci");
            assertThat(f.ruleId()).isEqualTo("DLP-PAN");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.messageIndex()).isEqualTo(3);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email_domain_is_not_a_domain  | write to ana@example.com         | pii.email           | ana@example.com
            card_is_not_a_phone           | pay 4111 1111 1111 1111 now      | pci.card_number     | 4111 1111 1111 1111
            url_credentials_beat_email    | ftp://bob:hunter22@files.example.com | pii.url_credentials | ftp://bob:hunter22@files.example.com
            iban_is_not_a_phone           | IBAN DE89 3704 0044 0532 0130 00 | pii.iban            | DE89 3704 0044 0532 0130 00
            """)
    void overlappingCandidatesKeepOnlyTheStrongest(String name, String text, String type, String expected) {
        List<Finding> findings = Dlp.scan(text);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(type);
            assertThat(text.substring(f.start(), f.end())).isEqualTo(expected);
        });
    }

    @Test
    void spansAreOffsetsInTheOriginalTextAfterNonAsciiAndSurrogates() {
        String text = "İstanbul 🙂 — SSN 536-22-1234, mail ülkü@example.com.tr";
        List<Finding> findings = Dlp.scan(text);
        assertThat(findings).extracting(f -> text.substring(f.start(), f.end()))
                .contains("536-22-1234");
    }

    @Test
    void findsEveryEntityOfAMixedMessageInTextOrder() {
        String text = "Name: A. Person, e-mail a.person@example.org, phone +1 415 555 0100, "
                + "card 5555 5555 5555 4444, IBAN GB82WEST12345698765432, server 203.0.113.9";
        assertThat(Dlp.scan(text)).extracting(Finding::type).containsExactly(
                "pii.email", "pii.phone", "pci.card_number", "pii.iban", "pii.ip_address");
    }

    @Test
    void benignProseYieldsNothing() {
        String text = """
                The quarterly review covered 3 projects and 12 milestones. Version 2.4 shipped on time,
                and the team plans to refactor config.py before the 2025 release. See section 4.2.1 for
                details; the budget grew by 7.5% to 120,000 units over 18 months.
                """;
        assertThat(Dlp.scan(text)).isEmpty();
    }

    @Test
    void requiredContextIsMatchedOnWordBoundaries() {
        assertThat(Dlp.found("pii.passport_number", "passports 912803456")).isEmpty();
        assertThat(Dlp.found("pii.passport_number", "passport 912803456")).containsExactly("912803456");
    }

    @Test
    void pathologicalInputStaysFast() {
        String digits = "1 ".repeat(50_000) + "@".repeat(10_000) + "a.".repeat(20_000) + ":f".repeat(20_000);
        long start = System.nanoTime();
        Dlp.scan(digits);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void everyUnboundedRepetitionIsPossessive() {
        for (Recognizer r : allRecognizers()) {
            assertThat(greedyUnboundedQuantifiers(r.pattern().pattern())).as(r.ruleId()).isZero();
        }
    }

    /** Counts {@code *}, {@code +} and {@code {n,}} quantifiers not followed by the possessive {@code +}. */
    private static int greedyUnboundedQuantifiers(String regex) {
        String s = regex.replaceAll("\\\\.", "E").replaceAll("\\[\\^?]?[^\\]]*]", "C");
        int count = 0;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unbounded;
            if (c == '}') {
                unbounded = s.substring(s.lastIndexOf('{', i), i).endsWith(",");
            } else if (c == '*' || c == '+') {
                unbounded = "(|?".indexOf(s.charAt(i - 1)) < 0;
                if (!unbounded) {
                    continue;
                }
            } else {
                continue;
            }
            boolean possessive = i + 1 < s.length() && s.charAt(i + 1) == '+';
            if (possessive) {
                i++;
            } else if (unbounded) {
                count++;
            }
        }
        return count;
    }

    private static List<Recognizer> allRecognizers() {
        List<Recognizer> all = new ArrayList<>();
        all.addAll(ContactRecognizers.all());
        all.addAll(FinancialRecognizers.all());
        all.addAll(GovernmentIdRecognizers.all());
        all.addAll(HealthRecognizers.all());
        all.addAll(NetworkRecognizers.all());
        return all;
    }
}
