package dev.parapet.policy.signing;

import dev.parapet.policy.signing.KeyFileException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemKeysTest {

    private static final SigningKey KEY = SigningKey.generate();

    @Test
    void privateAndPublicKeysRoundTripThroughPemWithTheSameKeyId() throws Exception {
        String privatePem = PemKeys.privateKeyPem(KEY);
        String publicPem = PemKeys.publicKeyPem(KEY.publicKey());

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        SigningKey read = PemKeys.signingKey(privatePem);
        assertThat(read.keyId()).isEqualTo(KEY.keyId()).hasSize(16).matches("[0-9a-f]+");
        assertThat(read.publicKey().getEncoded()).isEqualTo(KEY.publicKey().getEncoded());
        assertThat(PemKeys.trustedKey(publicPem)).isEqualTo(KEY.trustedKey());
    }

    @Test
    void readsOpenSslKeysAndAgreesWithTheShellRecipeForTheKeyId() throws Exception {
        SigningKey key = PemKeys.signingKey(resource("openssl-ed25519.pem"));
        TrustedKey trusted = PemKeys.trustedKey(resource("openssl-ed25519.pub.pem"));

        assertThat(key.keyId()).isEqualTo("3220a6c26c733330");
        assertThat(trusted).isEqualTo(key.trustedKey());
        byte[] data = "data".getBytes(StandardCharsets.US_ASCII);
        assertThat(trusted.verifies(data, key.sign(data))).isTrue();
    }

    @Test
    void toleratesTextAroundTheBlockAndCrlfLineEnds() throws Exception {
        String pem = "comment line\r\n" + PemKeys.publicKeyPem(KEY.publicKey()).replace("\n", "\r\n") + "trailer\r\n";
        assertThat(PemKeys.trustedKey(pem).keyId()).isEqualTo(KEY.keyId());
    }

    static Stream<Arguments> badPrivateKeys() throws Exception {
        return Stream.of(
                Arguments.of("garbage", "hello, world", Problem.NOT_A_KEY, "not a PEM file"),
                Arguments.of("empty file", "", Problem.NOT_A_KEY, "not a PEM file"),
                Arguments.of("public key", PemKeys.publicKeyPem(KEY.publicKey()), Problem.PUBLIC_NOT_PRIVATE,
                        "holds a public key; an Ed25519 private key is needed"),
                Arguments.of("RSA key in PKCS#8", pem("PRIVATE KEY", generate("RSA", 1024).getPrivate().getEncoded()),
                        Problem.NOT_ED25519, "holds an RSA key"),
                Arguments.of("EC key in PKCS#8", pem("PRIVATE KEY", generate("EC", 256).getPrivate().getEncoded()),
                        Problem.NOT_ED25519, "holds an EC key"),
                Arguments.of("Ed448 key", pem("PRIVATE KEY", generate("Ed448", 0).getPrivate().getEncoded()),
                        Problem.NOT_ED25519, "holds an Ed448 key"),
                Arguments.of("traditional RSA key", pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}), Problem.NOT_ED25519,
                        "holds an RSA key"),
                Arguments.of("encrypted key", pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}), Problem.ENCRYPTED,
                        "encrypted"),
                Arguments.of("OpenSSH key", pem("OPENSSH PRIVATE KEY", new byte[] {1, 2, 3}), Problem.NOT_A_KEY,
                        "'OPENSSH PRIVATE KEY'"),
                Arguments.of("DER that is no key", pem("PRIVATE KEY", new byte[] {48, 3, 2, 1, 0}), Problem.NOT_A_KEY,
                        "does not hold a valid key"),
                Arguments.of("block without an end", "-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n", Problem.NOT_A_KEY,
                        "not complete"),
                Arguments.of("body that is not base64", "-----BEGIN PRIVATE KEY-----\nMC4=CAQAw\n-----END PRIVATE KEY-----\n",
                        Problem.NOT_A_KEY, "not valid base64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPrivateKeys")
    void refusesWhatIsNotAnEd25519PrivateKey(String name, String pem, Problem problem, String message) {
        assertThatThrownBy(() -> PemKeys.signingKey(pem)).isInstanceOfSatisfying(KeyFileException.class,
                e -> assertThat(e.problem()).isEqualTo(problem)).hasMessageContaining(message);
    }

    @Test
    void refusesAPrivateKeyWhereAPublicKeyIsExpected() {
        assertThatThrownBy(() -> PemKeys.trustedKey(PemKeys.privateKeyPem(KEY)))
                .isInstanceOfSatisfying(KeyFileException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.PRIVATE_NOT_PUBLIC))
                .hasMessageContaining("holds a private key; an Ed25519 public key is needed");
    }

    @Test
    void refusesAnRsaPublicKey() throws Exception {
        String pem = pem("PUBLIC KEY", generate("RSA", 1024).getPublic().getEncoded());
        assertThatThrownBy(() -> PemKeys.trustedKey(pem)).isInstanceOfSatisfying(KeyFileException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_ED25519)).hasMessageContaining("holds an RSA key");
    }

    @Test
    void namesTheFileWhenItIsMissingOrNotAKey(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> PemKeys.readSigningKey(missing)).isInstanceOfSatisfying(KeyFileException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE)).hasMessage(missing + ": no such key file");

        Path binary = Files.write(dir.resolve("binary.pem"), new byte[] {(byte) 0xff, 0, (byte) 0x80});
        assertThatThrownBy(() -> PemKeys.readTrustedKey(binary)).hasMessageStartingWith(binary + ": not a PEM file");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PemKeysTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static KeyPair generate(String algorithm, int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            generator.initialize(bits);
        }
        return generator.generateKeyPair();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
