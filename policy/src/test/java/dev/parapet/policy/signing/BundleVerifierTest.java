package dev.parapet.policy.signing;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.Verification.Reason;
import dev.parapet.policy.signing.Verification.Refused;
import dev.parapet.policy.signing.Verification.Verified;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class BundleVerifierTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @BeforeEach
    void writeBundle() throws IOException {
        write("manifest.yaml", "name: demo\n");
        write("rules/pii.yaml", "rules: []\n");
        write("rules/injection.yaml", "rules: []\n");
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private BundleSigner.Signed sign(SigningKey key) throws Exception {
        return new BundleSigner(key, CLOCK).sign(dir);
    }

    private Verification verify(SigningKey... trusted) {
        return new BundleVerifier(Stream.of(trusted).map(SigningKey::trustedKey).toList()).verify(dir);
    }

    private String signatures() throws IOException {
        return Files.readString(dir.resolve(BundleFiles.SIGNATURES_FILE));
    }

    @Test
    void aSignedBundleVerifiesWithTheSignersKey() throws Exception {
        BundleSigner.Signed signed = sign(KEY);

        assertThat(signed.keyId()).isEqualTo(KEY.keyId());
        assertThat(signed.bundleDigest()).isEqualTo(BundleFiles.read(dir).digest());
        assertThat(verify(KEY)).isEqualTo(new Verified(List.of(KEY.keyId()), signed.bundleDigest()));
    }

    @Test
    void theSignatureCoversTheSameManifestAsBundleFiles() throws Exception {
        sign(KEY);
        BundleSignature signature = SignaturesFile.parse(signatures().getBytes(StandardCharsets.UTF_8)).getFirst();
        BundleFiles bundle = BundleFiles.read(dir);

        assertThat(signature.canonicalManifest()).isEqualTo(bundle.canonicalManifest());
        assertThat(signature.bundleDigest()).isEqualTo(bundle.digest());
        assertThat(signature.signedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(KEY.trustedKey().verifies(bundle.canonicalManifest(), signature.signatureBytes())).isTrue();
    }

    /** A change to the bundle after signing, the reason it is refused for, and the file named. */
    interface Tamper {
        void apply(BundleVerifierTest test) throws Exception;
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of("file changed", (Tamper) t -> t.write("rules/pii.yaml", "rules: [x]\n"),
                        Reason.FILE_CHANGED, "rules/pii.yaml", "rules/pii.yaml was changed since key"),
                Arguments.of("file added", (Tamper) t -> t.write("rules/extra.yaml", "rules: []\n"),
                        Reason.FILE_ADDED, "rules/extra.yaml", "rules/extra.yaml was added since key"),
                Arguments.of("file removed", (Tamper) t -> Files.delete(t.dir.resolve("rules/injection.yaml")),
                        Reason.FILE_REMOVED, "rules/injection.yaml", "rules/injection.yaml was removed since key"),
                Arguments.of("file renamed", (Tamper) t -> Files.move(t.dir.resolve("rules/pii.yaml"),
                        t.dir.resolve("rules/pjj.yaml")), Reason.FILE_REMOVED, "rules/pii.yaml",
                        "rules/pii.yaml was removed since key " + KEY.keyId() + " signed the bundle (also: rules/pjj.yaml was added)"),
                Arguments.of("hidden file added", (Tamper) t -> t.write(".env", "x"),
                        Reason.INVALID_BUNDLE, null, "'.env' is not allowed"),
                Arguments.of(".signatures.json removed", (Tamper) t -> Files.delete(t.dir.resolve(BundleFiles.SIGNATURES_FILE)),
                        Reason.MISSING_SIGNATURE, null, "the bundle is not signed"),
                Arguments.of("signature bytes flipped", (Tamper) t -> t.editSignatures(t::flipSignatureByte),
                        Reason.BAD_SIGNATURE, null, "the signature by key " + KEY.keyId() + " does not match its file list"),
                Arguments.of("file digest in .signatures.json edited to match a changed file", (Tamper) t -> {
                    t.write("rules/pii.yaml", "rules: [x]\n");
                    String now = BundleFiles.read(t.dir).fileDigests().get("rules/pii.yaml");
                    String signed = BundleFiles.of(Map.of("rules/pii.yaml",
                            "rules: []\n".getBytes(StandardCharsets.UTF_8))).fileDigests().get("rules/pii.yaml");
                    t.editSignatures(json -> json.replace(signed, now));
                }, Reason.BAD_SIGNATURE, null, "does not match its file list"),
                Arguments.of("file entry removed from .signatures.json", (Tamper) t -> t.editSignatures(
                        json -> json.replaceAll("\\s*\"rules/injection.yaml\" : \"[0-9a-f]{64}\",", "")),
                        Reason.BAD_SIGNATURE, null, "does not match its file list"),
                Arguments.of("bundle_digest edited", (Tamper) t -> t.editSignatures(
                        json -> json.replaceAll("sha256:[0-9a-f]{64}", "sha256:" + "0".repeat(64))),
                        Reason.MALFORMED_SIGNATURES, null, "bundle_digest of key " + KEY.keyId()),
                Arguments.of(".signatures.json truncated", (Tamper) t -> t.editSignatures(json -> json.substring(0, 40)),
                        Reason.MALFORMED_SIGNATURES, null, ".signatures.json: not valid JSON"),
                Arguments.of("no signatures left", (Tamper) t -> t.editSignatures(
                        json -> "{\"format\":\"parapet.signatures/v1\",\"signatures\":[]}"),
                        Reason.MISSING_SIGNATURE, null, "holds no signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampering")
    void refusesATamperedBundleNamingWhatChanged(String name, Tamper tamper, Reason reason, String file, String message)
            throws Exception {
        sign(KEY);
        tamper.apply(this);

        assertThat(verify(KEY)).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.file()).isEqualTo(Optional.ofNullable(file));
            assertThat(refused.message()).contains(message);
        });
    }

    @Test
    void refusesABundleSignedByAKeyItDoesNotTrust() throws Exception {
        sign(KEY);
        SigningKey other = SigningKey.generate();

        assertThat(verify(other)).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY);
            assertThat(refused.message()).contains("untrusted key(s) " + KEY.keyId(), "trusted: " + other.keyId());
        });
    }

    @Test
    void refusesASignatureMovedToAnotherTrustedKeysId() throws Exception {
        sign(KEY);
        SigningKey other = SigningKey.generate();
        editSignatures(json -> json.replace(KEY.keyId(), other.keyId()));

        assertThat(verify(other)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void secondKeyOnUnchangedContentAddsASignatureThatEitherKeyVerifies() throws Exception {
        SigningKey next = SigningKey.generate();
        sign(KEY);
        BundleSigner.Signed second = sign(next);

        assertThat(second.keptKeyIds()).containsExactly(KEY.keyId());
        assertThat(second.droppedStale()).isZero();
        assertThat(verify(KEY)).isEqualTo(new Verified(List.of(KEY.keyId()), second.bundleDigest()));
        assertThat(verify(next)).isEqualTo(new Verified(List.of(next.keyId()), second.bundleDigest()));
        assertThat(verify(KEY, next)).isEqualTo(new Verified(List.of(KEY.keyId(), next.keyId()), second.bundleDigest()));
    }

    @Test
    void signingChangedContentDropsTheStaleSignatures() throws Exception {
        SigningKey next = SigningKey.generate();
        sign(KEY);
        write("rules/pii.yaml", "rules: [changed]\n");

        BundleSigner.Signed signed = sign(next);

        assertThat(signed.keptKeyIds()).isEmpty();
        assertThat(signed.droppedStale()).isEqualTo(1);
        assertThat(signatures()).doesNotContain(KEY.keyId());
        assertThat(verify(next).verified()).isTrue();
        assertThat(verify(KEY)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void aRetiredKeyThatDidNotSignIsUnknownWhileTheNewKeyVerifies() throws Exception {
        SigningKey retired = SigningKey.generate();
        SigningKey old = KEY;
        SigningKey next = SigningKey.generate();
        sign(old);
        sign(next);

        assertThat(verify(next).verified()).isTrue();
        assertThat(verify(retired)).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    }

    @Test
    void resigningWithTheSameKeyReplacesItsSignature() throws Exception {
        sign(KEY);
        sign(KEY);

        assertThat(SignaturesFile.parse(signatures().getBytes(StandardCharsets.UTF_8))).hasSize(1);
        assertThat(verify(KEY).verified()).isTrue();
    }

    @Test
    void everySignatureByATrustedKeyMustVerify() throws Exception {
        SigningKey next = SigningKey.generate();
        sign(KEY);
        sign(next);
        editSignatures(json -> flipSignatureByteOf(json, 1));

        assertThat(verify(KEY).verified()).isTrue();
        assertThat(verify(KEY, next)).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(refused.message()).contains(next.keyId());
        });
    }

    @Test
    void signingIsAgnosticToWhatTheFilesHold() throws Exception {
        write("data/blob.bin", "\u0000\u0001 not yaml at all");
        sign(KEY);
        assertThat(verify(KEY).verified()).isTrue();
    }

    private void editSignatures(UnaryOperator<String> edit) throws IOException {
        Path file = dir.resolve(BundleFiles.SIGNATURES_FILE);
        Files.writeString(file, edit.apply(Files.readString(file)));
    }

    private String flipSignatureByte(String json) {
        return flipSignatureByteOf(json, 0);
    }

    private static String flipSignatureByteOf(String json, int index) {
        Matcher m = Pattern.compile("\"signature\" : \"([^\"]+)\"").matcher(json);
        for (int i = 0; i <= index; i++) {
            assertThat(m.find()).isTrue();
        }
        byte[] signature = Base64.getDecoder().decode(m.group(1));
        signature[10] ^= 1;
        return json.substring(0, m.start(1)) + Base64.getEncoder().encodeToString(signature) + json.substring(m.end(1));
    }
}
