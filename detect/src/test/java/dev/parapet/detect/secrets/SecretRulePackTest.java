package dev.parapet.detect.secrets;

import dev.parapet.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Holds every rule of the shipped pack to its own example and counter-example, so that the pack
 * cannot rot silently: a rule whose example stops being reported (by a typo in its expression, a
 * keyword that no longer gates it, or another rule shadowing it) fails here by id.
 */
class SecretRulePackTest {

    private static final List<SecretRule> RULES = SecretRulePack.defaults();
    private static final SecretDetector DETECTOR = new SecretDetector(RULES);

    static Stream<Arguments> rules() {
        return RULES.stream().map(r -> Arguments.argumentSet(r.id() + " " + r.kind(), r));
    }

    private static List<Finding> detect(String text) {
        List<Finding> out = new ArrayList<>();
        DETECTOR.detect(0, text, out);
        return out;
    }

    @Test
    void shipsAtLeastOneHundredFiftyRulesWithStableUniqueIds() {
        assertThat(RULES).hasSizeGreaterThanOrEqualTo(150)
                .allSatisfy(r -> assertThat(r.id()).matches("SEC-\\d{3}"));
        assertThat(RULES.stream().map(SecretRule::id).distinct()).hasSameSizeAs(RULES);
    }

    @Test
    void coversEveryCategoryTheIssueAsksFor() {
        assertThat(RULES.stream().map(SecretRule::category).distinct())
                .containsExactlyInAnyOrder("cloud", "vcs", "ci", "llm", "payment", "messaging", "saas",
                        "database", "private_key", "jwt", "generic");
    }

    @Test
    void docsCategoryTableCountsEveryRule() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "detection-secrets.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| [^|]* \\| (\\d+) \\|").matcher(doc);
        Map<String, Long> documented = new TreeMap<>();
        while (row.find()) {
            documented.put(row.group(1), Long.parseLong(row.group(2)));
        }

        assertThat(documented).isEqualTo(RULES.stream()
                .collect(Collectors.groupingBy(SecretRule::category, TreeMap::new, Collectors.counting())));
        assertThat(doc).contains("| **total** | | **" + RULES.size() + "** | |");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void reportsItsOwnExampleWithTheSecretAsTheSpan(SecretRule rule) {
        Matcher own = rule.pattern().matcher(rule.example());
        assertThat(own.find()).as("the rule's regex matches its example").isTrue();
        String secret = own.group(1);

        List<Finding> findings = detect(rule.example());

        assertThat(findings).filteredOn(f -> f.ruleId().equals(rule.id())).singleElement().satisfies(f -> {
            assertThat(rule.example().substring(f.start(), f.end())).isEqualTo(secret);
            assertThat(f.type()).isEqualTo("secret." + rule.kind());
            assertThat(f.family()).isEqualTo("secret");
            assertThat(f.severity()).isEqualTo(rule.severity());
            assertThat(f.confidence()).isBetween(rule.confidence(), 0.99);
        });
    }

    @ParameterizedTest
    @MethodSource("rules")
    void reportsItsOwnExampleAtTheSameSpanInsideLongerText(SecretRule rule) {
        String before = "Some context first, with a few words.\n";
        String text = before + rule.example() + "\nAnd a closing line.";
        Matcher own = rule.pattern().matcher(rule.example());
        assertThat(own.find()).isTrue();

        assertThat(detect(text)).filteredOn(f -> f.ruleId().equals(rule.id()))
                .extracting(Finding::start, Finding::end)
                .containsExactly(tuple(before.length() + own.start(1), before.length() + own.end(1)));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void doesNotReportItsCounterExample(SecretRule rule) {
        assertThat(detect(rule.counterExample())).extracting(Finding::ruleId).doesNotContain(rule.id());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void keywordsAreANecessaryConditionOfItsExample(SecretRule rule) {
        String lower = rule.example().toLowerCase(Locale.ROOT);
        assertThat(rule.keywords()).anySatisfy(k -> assertThat(lower).contains(k));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void usesBoundedRepetitionOnly(SecretRule rule) {
        assertThat(unboundedQuantifiers(rule.pattern().pattern())).as(rule.pattern().pattern()).isEmpty();
    }

    @Test
    void rejectsARuleWithoutKeywords() {
        assertThatThrownBy(() -> parse("""
                - {id: T-1, kind: k, category: cloud, description: d, keywords: [], regex: 'a(b)', severity: high, example: ab, counter_example: a}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T-1").hasMessageContaining("keyword");
    }

    @Test
    void rejectsARegexWithoutExactlyOneCaptureGroup() {
        assertThatThrownBy(() -> parse("""
                - {id: T-2, kind: k, category: cloud, description: d, keywords: [a], regex: '(a)(b)', severity: high, example: ab, counter_example: a}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T-2").hasMessageContaining("capture group");
    }

    @Test
    void rejectsAnUpperCaseKeywordAndAnUnknownValidator() {
        assertThatThrownBy(() -> parse("""
                - {id: T-3, kind: k, category: cloud, description: d, keywords: [Ab], regex: '(ab)', severity: high, example: ab, counter_example: a}
                """)).hasMessageContaining("T-3").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> parse("""
                - {id: T-4, kind: k, category: cloud, description: d, keywords: [ab], regex: '(ab)', validator: luhn, severity: high, example: ab, counter_example: a}
                """)).hasMessageContaining("T-4");
    }

    private static List<SecretRule> parse(String rulesYaml) throws Exception {
        return SecretRulePack.parse(("rules:\n" + rulesYaml.indent(2)).getBytes(StandardCharsets.UTF_8));
    }

    /** The quantifiers {@code *}, {@code +} and {@code {n,}} outside character classes and escapes. */
    static List<String> unboundedQuantifiers(String regex) {
        List<String> found = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '*' || c == '+') {
                found.add(c + " at " + i);
            } else if (c == '{') {
                int close = regex.indexOf('}', i);
                if (close > 0 && regex.substring(i, close + 1).matches("\\{\\d+,}")) {
                    found.add(regex.substring(i, close + 1) + " at " + i);
                }
            }
        }
        return found;
    }
}
