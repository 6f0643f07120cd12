package dev.parapet.policy.signing;

import dev.parapet.policy.BundleFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesFileTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final String HEX = "62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a";
    private static final String SIG = "A".repeat(86) + "==";

    private static BundleSignature signature() throws Exception {
        BundleFiles bundle = BundleFiles.of(Map.of("manifest.yaml", "m".getBytes(StandardCharsets.UTF_8),
                "rules/b.yaml", "b".getBytes(StandardCharsets.UTF_8)));
        return BundleSignature.create(bundle, KEY, Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void writesTheDocumentedLayoutAndReadsItBack() throws Exception {
        BundleSignature signature = signature();
        String json = new String(SignaturesFile.render(List.of(signature)), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("""
                {
                  "format" : "parapet.signatures/v1",
                  "signatures" : [ {
                    "key_id" : "%s",
                    "algorithm" : "Ed25519",
                    "bundle_digest" : "%s",
                    "signed_at" : "2026-01-05T10:00:00Z",
                    "files" : {
                      "manifest.yaml" : "62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a",
                      "rules/b.yaml" : "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d"
                    },
                    "signature" : "%s"
                  } ]
                }
                """.formatted(KEY.keyId(), signature.bundleDigest(), signature.signature()));
        assertThat(SignaturesFile.parse(json.getBytes(StandardCharsets.UTF_8))).containsExactly(signature);
    }

    private static String entry(String keyId, String files, String extra) {
        return "{\"key_id\":\"" + keyId + "\",\"algorithm\":\"Ed25519\",\"bundle_digest\":\"sha256:" + HEX + "\","
                + "\"signed_at\":\"2026-01-05T10:00:00Z\",\"files\":" + files + ",\"signature\":\"" + SIG + "\"" + extra + "}";
    }

    private static String file(String... entries) {
        return "{\"format\":\"parapet.signatures/v1\",\"signatures\":[" + String.join(",", entries) + "]}";
    }

    static Stream<Arguments> malformed() {
        String id = "0123456789abcdef";
        String files = "{\"a.yaml\":\"" + HEX + "\"}";
        return Stream.of(
                Arguments.of("not JSON", "signatures", "not valid JSON"),
                Arguments.of("a list", "[]", "not a JSON object"),
                Arguments.of("other format", "{\"format\":\"opa\",\"signatures\":[]}", "format 'opa' is not supported"),
                Arguments.of("unknown top-level field", "{\"format\":\"parapet.signatures/v1\",\"signatures\":[],\"x\":1}",
                        "x: unknown field"),
                Arguments.of("duplicate field", "{\"format\":\"parapet.signatures/v1\",\"format\":\"x\",\"signatures\":[]}",
                        "Duplicate field 'format'"),
                Arguments.of("unknown entry field", file(entry(id, files, ",\"note\":\"x\"")),
                        "signatures[0].note: unknown field"),
                Arguments.of("two signatures by one key", file(entry(id, files, ""), entry(id, files, "")),
                        "signatures[1]: a second signature by key " + id),
                Arguments.of("short key id", file(entry("0123", files, "")), "signatures[0].key_id '0123' is not 16"),
                Arguments.of("path escaping the bundle", file(entry(id, "{\"../a.yaml\":\"" + HEX + "\"}", "")),
                        "'../a.yaml' is not a bundle path"),
                Arguments.of("path with a newline", file(entry(id, "{\"a\\n" + HEX + " b\":\"" + HEX + "\"}", "")),
                        "is not a bundle path"),
                Arguments.of("signatures file listed", file(entry(id, "{\".signatures.json\":\"" + HEX + "\"}", "")),
                        "is not a bundle path"),
                Arguments.of("upper-case digest", file(entry(id, "{\"a.yaml\":\"" + HEX.toUpperCase() + "\"}", "")),
                        "the digest of 'a.yaml' is not 64 lower-case hex"),
                Arguments.of("no files", file(entry(id, "{}", "")), "files is empty"),
                Arguments.of("bad time", file(entry(id, files, "").replace("2026-01-05T10:00:00Z", "yesterday")),
                        "signed_at: 'yesterday' is not an ISO-8601"),
                Arguments.of("signature not base64", file(entry(id, files, "").replace(SIG, "!!")), "signature is not base64"),
                Arguments.of("signature too short", file(entry(id, files, "").replace(SIG, "AAAA")),
                        "signature is not 64 bytes"),
                Arguments.of("other algorithm", file(entry(id, files, "").replace("Ed25519", "RS256")),
                        "algorithm 'RS256' is not supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesAMalformedFileSayingWhere(String name, String json, String message) {
        assertThatThrownBy(() -> SignaturesFile.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SignaturesFileException.class).hasMessageContaining(message);
    }
}
