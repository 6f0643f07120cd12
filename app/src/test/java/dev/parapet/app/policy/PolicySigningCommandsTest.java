package dev.parapet.app.policy;

import dev.parapet.app.Main;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.PemKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet policy sign} and {@code parapet policy verify} through the real command line, with keys from {@code parapet keys generate}. */
class PolicySigningCommandsTest {

    @TempDir
    Path tmp;

    private Path bundle;
    private Path oldKeys;
    private Path newKeys;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void bundleAndKeys() throws IOException {
        bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle.resolve("rules"));
        Files.writeString(bundle.resolve("manifest.yaml"), "name: demo\n");
        Files.writeString(bundle.resolve("rules/pii.yaml"), "rules: []\n");
        oldKeys = tmp.resolve("keys-2025");
        newKeys = tmp.resolve("keys-2026");
        assertThat(run("keys", "generate", "--out", oldKeys.toString()).exit()).isZero();
        assertThat(run("keys", "generate", "--out", newKeys.toString()).exit()).isZero();
    }

    private Run sign(Path keys) {
        return run("policy", "sign", "--key", keys.resolve("private.pem").toString(), bundle.toString());
    }

    private Run verify(Path... keys) {
        List<String> args = new ArrayList<>(List.of("policy", "verify"));
        for (Path k : keys) {
            args.add("--pubkey");
            args.add(k.resolve("public.pem").toString());
        }
        args.add(bundle.toString());
        return run(args.toArray(String[]::new));
    }

    private static String idOf(Path keys) throws Exception {
        return PemKeys.readTrustedKey(keys.resolve("public.pem")).keyId();
    }

    @Test
    void signThenVerifyPrintsOneLineWithTheKeyIdAndDigest() throws Exception {
        String digest = BundleFiles.read(bundle).digest();

        Run signed = sign(oldKeys);
        Run verified = verify(oldKeys);

        assertThat(signed.exit()).isZero();
        assertThat(signed.out()).isEqualTo("signed " + bundle + ": " + digest + " by key " + idOf(oldKeys) + "\n");
        assertThat(verified.exit()).isZero();
        assertThat(verified.out()).isEqualTo("verified " + bundle + ": " + digest + " signed by key " + idOf(oldKeys) + "\n");
        assertThat(verified.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            changed file | rules/pii.yaml   | FILE_CHANGED | rules/pii.yaml was changed since key
            added file   | rules/new.yaml   | FILE_ADDED   | rules/new.yaml was added since key
            removed file | manifest.yaml    | FILE_REMOVED | manifest.yaml was removed since key
            """)
    void verifyExitsOneNamingTheFileThatDiffers(String name, String file, String reason, String message) throws IOException {
        assertThat(sign(oldKeys).exit()).isZero();
        Path path = bundle.resolve(file);
        if (reason.equals("FILE_REMOVED")) {
            Files.delete(path);
        } else {
            Files.writeString(path, "rules: [tampered]\n");
        }

        Run r = verify(oldKeys);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("parapet policy verify: " + bundle + " refused (" + reason + "): " + message);
    }

    @Test
    void verifyExitsOneOnAMissingOrMalformedSignaturesFile() throws IOException {
        Run unsigned = verify(oldKeys);
        assertThat(unsigned.exit()).isEqualTo(1);
        assertThat(unsigned.err()).contains("refused (MISSING_SIGNATURE): the bundle is not signed");

        Files.writeString(bundle.resolve(BundleFiles.SIGNATURES_FILE), "{not json");
        Run malformed = verify(oldKeys);
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).contains("refused (MALFORMED_SIGNATURES): .signatures.json: not valid JSON");
    }

    @Test
    void verifyExitsOneOnABadSignature() throws IOException {
        assertThat(sign(oldKeys).exit()).isZero();
        Path file = bundle.resolve(BundleFiles.SIGNATURES_FILE);
        String json = Files.readString(file);
        Matcher m = Pattern.compile("\"signature\" : \"(.)").matcher(json);
        assertThat(m.find()).isTrue();
        String flipped = m.group(1).equals("A") ? "B" : "A";
        Files.writeString(file, json.substring(0, m.start(1)) + flipped + json.substring(m.end(1)));

        Run r = verify(oldKeys);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refused (BAD_SIGNATURE)");
    }

    @Test
    void rotationBothKeysSignUnchangedContentAndEitherVerifies() throws Exception {
        assertThat(sign(oldKeys).exit()).isZero();

        Run second = sign(newKeys);

        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("by key " + idOf(newKeys) + "; also signed by " + idOf(oldKeys));
        assertThat(verify(newKeys).exit()).isZero();
        assertThat(verify(oldKeys).exit()).isZero();
        assertThat(verify(oldKeys, newKeys).out()).contains("signed by key " + idOf(oldKeys) + ", " + idOf(newKeys));
    }

    @Test
    void resigningChangedContentDropsTheOldKeysSignatureSoOnlyTheNewKeyVerifies() throws Exception {
        assertThat(sign(oldKeys).exit()).isZero();
        Files.writeString(bundle.resolve("rules/pii.yaml"), "rules: [v2]\n");

        Run resigned = sign(newKeys);

        assertThat(resigned.out()).endsWith("; dropped 1 stale signature\n");
        assertThat(verify(newKeys).exit()).isZero();
        Run old = verify(oldKeys);
        assertThat(old.exit()).isEqualTo(1);
        assertThat(old.err()).contains("refused (UNKNOWN_KEY): signed only by untrusted key(s) " + idOf(newKeys));
    }

    @Test
    void aMissingDirectoryOrAnUnusableKeyIsAUsageError() throws IOException {
        Path missing = tmp.resolve("nope");
        Run signMissing = run("policy", "sign", "--key", oldKeys.resolve("private.pem").toString(), missing.toString());
        assertThat(signMissing.exit()).isEqualTo(2);
        assertThat(signMissing.err()).contains(missing + " is not a bundle directory");

        Run verifyMissing = run("policy", "verify", "--pubkey", oldKeys.resolve("public.pem").toString(), missing.toString());
        assertThat(verifyMissing.exit()).isEqualTo(2);

        Run publicAsPrivate = run("policy", "sign", "--key", oldKeys.resolve("public.pem").toString(), bundle.toString());
        assertThat(publicAsPrivate.exit()).isEqualTo(2);
        assertThat(publicAsPrivate.err()).contains("holds a public key; an Ed25519 private key is needed");
        assertThat(bundle.resolve(BundleFiles.SIGNATURES_FILE)).doesNotExist();

        Run privateAsPublic = run("policy", "verify", "--pubkey", oldKeys.resolve("private.pem").toString(), bundle.toString());
        assertThat(privateAsPublic.exit()).isEqualTo(2);
        assertThat(privateAsPublic.err()).contains("holds a private key; an Ed25519 public key is needed");

        Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "not a key");
        assertThat(run("policy", "verify", "--pubkey", garbage.toString(), bundle.toString()).exit()).isEqualTo(2);
        assertThat(run("policy", "verify", bundle.toString()).exit()).isEqualTo(2);
        assertThat(run("policy", "sign", bundle.toString()).exit()).isEqualTo(2);
    }

    @Test
    void signExitsOneOnABundleItCannotSign() throws IOException {
        Files.writeString(bundle.resolve(".hidden"), "x");

        Run r = sign(oldKeys);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot sign " + bundle + ": bundle path '.hidden' is not allowed");
    }
}
