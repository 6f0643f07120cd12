package dev.parapet.detect;

import dev.parapet.core.Finding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectionSignaturePackTest {

    private static final InjectionSignaturePack PACK = InjectionSignaturePack.defaults();
    private static final InjectionSignatureDetector DETECTOR = new InjectionSignatureDetector(PACK);

    @AfterAll
    static void close() {
        DETECTOR.close();
    }

    @Test
    void defaultPackIsVersionedAndHoldsAtLeastFiveHundredSignatures() {
        assertThat(PACK.version()).matches("\\d{4}\\.\\d{2}\\.\\d+");
        assertThat(PACK.signatures()).hasSizeGreaterThanOrEqualTo(500);
    }

    @Test
    void everyFamilyIsRepresented() {
        Map<String, Long> byType = PACK.signatures().stream()
                .collect(Collectors.groupingBy(InjectionSignature::type, Collectors.counting()));
        assertThat(byType).containsKeys("injection.instruction_override", "injection.system_prompt_extraction",
                "injection.secret_extraction", "injection.jailbreak_persona", "injection.delimiter",
                "injection.indirect", "injection.exfiltration");
        assertThat(PACK.signatures()).extracting(InjectionSignature::id)
                .anyMatch(id -> id.startsWith("INJ-MLDE-"))
                .anyMatch(id -> id.startsWith("INJ-MLFR-"))
                .anyMatch(id -> id.startsWith("INJ-MLES-"));
    }

    static Stream<Named<InjectionSignature>> signatures() {
        return PACK.signatures().stream().map(s -> Named.of(s.id(), s));
    }

    /** The pack cannot rot: a signature whose pattern stops matching its own example fails here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void everySignatureMatchesItsExample(InjectionSignature signature) {
        List<Finding> out = new ArrayList<>();
        DETECTOR.detect(0, signature.example(), out);
        assertThat(out).as("findings for %s example '%s'", signature.id(), signature.example())
                .extracting(Finding::type).contains(signature.type());
    }

    @Test
    void duplicateIdAcrossFilesIsRejectedNamingTheId() {
        String family = signatureYaml("INJ-OVR-001", "'\\bfoo\\b'");
        assertThatThrownBy(() -> load(Map.of("a.yaml", family, "b.yaml", family)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INJ-OVR-001").hasMessageContaining("duplicate id");
    }

    @Test
    void patternHyperscanCannotCompileIsRejectedNamingTheId() {
        InjectionSignaturePack pack = load(Map.of("a.yaml", signatureYaml("INJ-OVR-007", "'(foo)\\1'"), "b.yaml", "signatures: []"));
        assertThatThrownBy(() -> new InjectionSignatureDetector(pack))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INJ-OVR-007");
    }

    @Test
    void unbalancedPatternIsRejectedNamingTheId() {
        InjectionSignaturePack pack = load(Map.of("a.yaml", signatureYaml("INJ-OVR-008", "'(foo'"), "b.yaml", "signatures: []"));
        assertThatThrownBy(() -> new InjectionSignatureDetector(pack))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INJ-OVR-008");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed_id      | id: INJ-1          | id is not of the form
            lower_case_id     | id: inj-ovr-001    | id is not of the form
            bad_owasp         | owasp: LLM11:2025  | owasp LLM11:2025
            bad_atlas         | atlas: T0051       | atlas T0051
            type_out_of_family| type: pii.email    | type pii.email
            confidence_range  | confidence: 1.5    | confidence out of [0,1]
            missing_example   | example: ''        | missing example
            unknown_severity  | severity: severe   | severity severe is not one of
            missing_severity  | severity: ''       | severity  is not one of
            """)
    void invalidFieldIsRejectedNamingFileAndProblem(String name, String override, String problem) {
        String key = override.substring(0, override.indexOf(':'));
        String yaml = signatureYaml("INJ-OVR-009", "'foo'").replaceAll("(?m)^(\\s+(?:- )?)" + key + ":.*$", "$1" + override.replace("$", "\\$"));
        assertThatThrownBy(() -> load(Map.of("a.yaml", yaml, "b.yaml", "signatures: []")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.yaml: ")
                .hasMessageContaining(problem);
    }

    @Test
    void indexWithoutVersionIsRejected() {
        assertThatThrownBy(() -> InjectionSignaturePack.load("index.yaml",
                name -> "files: [a.yaml]\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InjectionSignaturePack load(Map<String, String> files) {
        String index = "version: 2026.01.0\nfiles: [a.yaml, b.yaml]\n";
        return InjectionSignaturePack.load("index.yaml",
                name -> (name.equals("index.yaml") ? index : files.get(name)).getBytes(StandardCharsets.UTF_8));
    }

    private static String signatureYaml(String id, String pattern) {
        return """
                signatures:
                  - id: %s
                    type: injection.instruction_override
                    severity: high
                    confidence: 0.9
                    owasp: LLM01:2025
                    atlas: AML.T0051.000
                    description: test
                    pattern: %s
                    example: foo
                """.formatted(id, pattern);
    }
}
