package dev.parapet.app.keys;

import dev.parapet.app.SecretFiles;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet keys generate --out DIR}: writes a new Ed25519 key pair for signing policy
 * bundles, {@code DIR/private.pem} (PKCS#8, mode 0600) and {@code DIR/public.pem} (X.509), and
 * prints its key id. Exit 0 on success, 2 when a key file exists (without {@code --force}) or the
 * directory cannot be written. See docs/policy-signing.md.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate an Ed25519 key pair for signing policy bundles.",
            "Writes DIR/private.pem (PKCS#8, readable by the owner only) and DIR/public.pem (X.509) "
                + "and prints the key id. See docs/policy-signing.md."})
final class KeysGenerateCommand implements Callable<Integer> {

    static final String PRIVATE_FILE = "private.pem";
    static final String PUBLIC_FILE = "public.pem";

    /** The exit code of bad arguments; picocli uses it for usage errors too. */
    static final int USAGE = 2;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the key pair to.")
    Path out;

    @Option(names = "--force", description = "Replace key files that already exist.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Path privateFile = out.resolve(PRIVATE_FILE);
        Path publicFile = out.resolve(PUBLIC_FILE);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return fail(out + " is not a directory");
        }
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (!force && Files.exists(file)) {
                return fail(file + " already exists; pass --force to replace it (the old key is then lost), "
                        + "or write the new pair to another directory");
            }
        }
        SigningKey key = SigningKey.generate();
        try {
            SecretFiles.writePrivate(privateFile, PemKeys.privateKeyPem(key).getBytes(StandardCharsets.US_ASCII));
            Files.writeString(publicFile, PemKeys.publicKeyPem(key.publicKey()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return fail("cannot write the key pair to " + out + ": " + e.getMessage());
        }
        stdout.println("key id " + key.keyId());
        stdout.println("private key " + privateFile + " (owner-only: it signs bundles, keep it secret)");
        stdout.println("public key  " + publicFile + " (give it to verifiers: parapet policy verify --pubkey "
                + publicFile + " DIR)");
        stdout.flush();
        return 0;
    }

    private int fail(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("parapet keys generate: " + message);
        err.flush();
        return USAGE;
    }
}
