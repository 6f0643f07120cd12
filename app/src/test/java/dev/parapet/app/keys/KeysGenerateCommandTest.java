package dev.parapet.app.keys;

import dev.parapet.app.Main;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import dev.parapet.policy.signing.TrustedKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet keys generate} through the real command line. */
class KeysGenerateCommandTest {

    @TempDir
    Path tmp;

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

    @Test
    void writesAnOwnerOnlyPrivateKeyAndItsPublicKeyAndPrintsTheKeyId() throws Exception {
        Path dir = tmp.resolve("keys");

        Run r = run("keys", "generate", "--out", dir.toString());

        assertThat(r.exit()).isZero();
        SigningKey key = PemKeys.readSigningKey(dir.resolve("private.pem"));
        TrustedKey trusted = PemKeys.readTrustedKey(dir.resolve("public.pem"));
        assertThat(trusted).isEqualTo(key.trustedKey());
        assertThat(r.out()).startsWith("key id " + key.keyId() + "\n")
                .contains("private key " + dir.resolve("private.pem"), "public key  " + dir.resolve("public.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("private.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(dir.resolve("public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void refusesToOverwriteAKeyWithoutForce() throws IOException {
        Path dir = tmp.resolve("keys");
        assertThat(run("keys", "generate", "--out", dir.toString()).exit()).isZero();
        String before = Files.readString(dir.resolve("private.pem"));

        Run again = run("keys", "generate", "--out", dir.toString());

        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains(dir.resolve("private.pem") + " already exists; pass --force");
        assertThat(Files.readString(dir.resolve("private.pem"))).isEqualTo(before);
    }

    @Test
    void replacesTheKeyPairWithForce() throws IOException {
        Path dir = tmp.resolve("keys");
        assertThat(run("keys", "generate", "--out", dir.toString()).exit()).isZero();
        String before = Files.readString(dir.resolve("private.pem"));

        assertThat(run("keys", "generate", "--out", dir.toString(), "--force").exit()).isZero();

        assertThat(Files.readString(dir.resolve("private.pem"))).isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anOutPathThatIsAFileOrMissingIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(run("keys", "generate", "--out", file.toString()).exit()).isEqualTo(2);
        assertThat(run("keys", "generate").exit()).isEqualTo(2);
    }
}
