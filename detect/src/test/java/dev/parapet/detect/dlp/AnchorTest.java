package dev.parapet.detect.dlp;

import dev.parapet.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no_digits                 | just words here            | 3 | 5 | 0
            cluster_too_sparse        | 1 a 2 b 3 c 4              | 3 | 4 | 0
            one_cluster               | ab 123 cd                  | 3 | 3 | 1
            two_far_clusters          | 123 xxxxxxxxxxxxxxxxxxxx 456 | 3 | 3 | 2
            close_clusters_merge      | 123 456                    | 3 | 4 | 1
            """)
    void windowsCoverOnlyDenseClusters(String name, String text, int min, int span, int expectedWindows) {
        assertThat(Anchor.digits(min, span).windows(text, Anchor.positions(Anchor.Kind.DIGIT, text)))
                .hasSize(expectedWindows);
    }

    @Test
    void windowedScanFindsExactlyWhatAFullScanFinds() {
        DlpDetector windowed = DlpDetector.defaults();
        DlpDetector full = new DlpDetector(allRecognizersScanningWholeText());
        String alphabet = "0123456789012345678901234567890123456789 -.:@/()+xXabcdefGBDE\n";
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(List.of(
                "mail a.b@example.com, call +1 415 555 0100, card 4111 1111 1111 1111, IBAN GB82WEST12345698765432",
                "ip 203.0.113.9 and fe80::1ff:fe23:4567:890a and 00:1A:2B:3C:4D:5E at https://www.example.com/a",
                "SSN 536-22-1234, passport 912803456, driver's license D1234567, NHS 943 476 5919"));
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 20 + random.nextInt(300);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int tokens = 5 + random.nextInt(60);
            for (int k = 0; k < tokens; k++) {
                sb.append(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            assertThat(scan(windowed, text)).as(text).isEqualTo(scan(full, text));
        }
    }

    /** Pieces of entities and separators, so that random texts often contain near-misses and hits. */
    private static final List<String> TOKENS = List.of("4111", "1111", " ", " ", "-", ".", ".", "com", "www", "@",
            ":", "0x", "bc1q", "fe80", "::", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "https://", "/", "22", "555",
            "+44", "(", ")", "card ", "ssn ", "passport ", "GB82", "WEST", "x", "de", "io", "a1b2", "\n", "9");

    @Test
    void aWholeTextRecognizerFirstDoesNotHideDigitWindowsFromLaterOnes() {
        DlpDetector whole = new DlpDetector(List.of(FinancialRecognizers.SWIFT_BIC, GovernmentIdRecognizers.US_SSN));
        assertThat(scan(whole, "SWIFT DEUTDEFF, SSN 536-22-1234")).extracting(Finding::type)
                .containsExactly("pii.swift_bic", "pii.us_ssn");
    }

    private static List<Finding> scan(DlpDetector detector, String text) {
        List<Finding> out = new ArrayList<>();
        detector.detect(0, text, out);
        return out;
    }

    private static List<Recognizer> allRecognizersScanningWholeText() {
        List<Recognizer> all = new ArrayList<>();
        all.addAll(ContactRecognizers.all());
        all.addAll(FinancialRecognizers.all());
        all.addAll(GovernmentIdRecognizers.all());
        all.addAll(HealthRecognizers.all());
        all.addAll(NetworkRecognizers.all());
        return all.stream().map(r -> new Recognizer(r.ruleId(), r.type(), r.severity(), r.pattern(), r.validator(),
                r.context(), Anchor.WHOLE_TEXT, null)).toList();
    }
}
