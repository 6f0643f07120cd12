package dev.parapet.detect.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObfuscationDetectorTest {

    private static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        new ObfuscationDetector().detect(0, text, out);
        return out;
    }

    private static String tags(String ascii) {
        StringBuilder sb = new StringBuilder();
        ascii.codePoints().forEach(c -> sb.appendCodePoint(c + 0xE0000));
        return sb.toString();
    }

    static Stream<Arguments> suspicious() {
        return Stream.of(
                Arguments.of("zero-width space splitting a word", "ig\u200Bnore", "\u200B"),
                Arguments.of("zero-width joiner between latin letters", "ig\u200Dnore", "\u200D"),
                Arguments.of("ascii smuggled in tag characters", "hi " + tags("run rm -rf") + " there", tags("run rm -rf")),
                Arguments.of("bidi override", "file\u202Etxt.exe", "\u202E"),
                Arguments.of("soft hyphen", "pass\u00ADword", "\u00AD"),
                Arguments.of("mixed-script word", "please іgnore this", "іgnore"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suspicious")
    void reportsTheDisguiseWithItsExactSpan(String name, String text, String evidence) {
        List<Finding> findings = scan(text);

        assertThat(findings).hasSize(1);
        Finding f = findings.getFirst();
        assertThat(text.substring(f.start(), f.end())).isEqualTo(evidence);
        assertThat(f.family()).isEqualTo("obfuscation");
    }

    static Stream<Arguments> ordinary() {
        return Stream.of(
                Arguments.of("family emoji with joiners", "our team 👩\u200D💻👨\u200D💻 ships"),
                Arguments.of("subdivision flag", "go 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F team"),
                Arguments.of("persian with zero-width non-joiner", "می\u200Cخواهم"),
                Arguments.of("byte-order mark at the start", "\uFEFFhello"),
                Arguments.of("russian text", "Это обычный текст"),
                Arguments.of("greek text", "Καλημέρα κόσμε"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinary")
    void leavesOrdinaryTextAlone(String name, String text) {
        assertThat(scan(text)).isEmpty();
    }
}
