package dev.parapet.gateway.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BundleDocumentTest {
    private static final String MANIFEST = Base64.getEncoder().encodeToString("name: x\nversion: \"1\"\n"
            .getBytes(StandardCharsets.UTF_8));

    private static Poll parse(String json, String etag) {
        return BundleDocument.parse(json.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(etag));
    }

    private static String doc(String digest, String extra) {
        return "{\"tenant\":\"t1\",\"version\":7,\"digest\":\"" + digest + "\",\"files\":{\"manifest.yaml\":\""
                + MANIFEST + "\"}" + extra + "}";
    }

    @Test
    void aDocumentBecomesACandidateWithWhatTheServerClaims() {
        Poll poll = parse(doc("sha256:abc", ""), "\"sha256:abc\"");

        assertThat(poll).isInstanceOfSatisfying(Poll.Changed.class, c -> {
            assertThat(c.candidate().claimedDigest()).contains("sha256:abc");
            assertThat(c.candidate().claimedTenant()).contains("t1");
            assertThat(c.candidate().controlVersion().getAsLong()).isEqualTo(7);
            assertThat(c.candidate().signatures()).isEmpty();
            assertThat(c.candidate().files().names()).containsExactly("manifest.yaml");
        });
    }

    @Test
    void anEtagNamingAnotherDigestIsADigestMismatch() {
        assertThat(parse(doc("sha256:abc", ""), "\"sha256:def\"")).isInstanceOfSatisfying(Poll.Unusable.class, u -> {
            assertThat(u.reason()).isEqualTo(RefusalReason.DIGEST_MISMATCH);
            assertThat(u.digest()).contains("sha256:abc");
        });
    }

    @Test
    void malformedDocumentsAreUnusableNotExceptions() {
        assertThat(parse("not json", null)).isInstanceOfSatisfying(Poll.Unusable.class,
                u -> assertThat(u.reason()).isEqualTo(RefusalReason.MALFORMED_RESPONSE));
        assertThat(parse("{\"tenant\":\"t1\",\"version\":\"7\",\"digest\":\"d\",\"files\":{}}", null))
                .isInstanceOf(Poll.Unusable.class);
        assertThat(parse(doc("d", "").replace(MANIFEST, "%%%"), null)).isInstanceOfSatisfying(Poll.Unusable.class,
                u -> assertThat(u.detail()).contains("manifest.yaml"));
        assertThat(parse(doc("d", ",\"signatures\":[1]"), null)).isInstanceOf(Poll.Unusable.class);
        assertThat(parse(doc("d", "").replace("manifest.yaml", "../escape.yaml"), null))
                .isInstanceOfSatisfying(Poll.Unusable.class,
                        u -> assertThat(u.reason()).isEqualTo(RefusalReason.INVALID_BUNDLE));
        assertThat(parse(doc("d", "").replace("\"tenant\":\"t1\"", "\"tenant\":\"t1\",\"tenant\":\"t2\""), null))
                .isInstanceOf(Poll.Unusable.class);
    }
}
