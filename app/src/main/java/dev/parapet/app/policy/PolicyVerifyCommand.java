package dev.parapet.app.policy;

import dev.parapet.policy.signing.BundleVerifier;
import dev.parapet.policy.signing.KeyFileException;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.TrustedKey;
import dev.parapet.policy.signing.Verification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapet policy verify --pubkey PUB [--pubkey PUB2 ...] DIR}: checks a bundle directory
 * against its {@code .signatures.json} and the trusted public keys. Exit 0 when it verifies; 1
 * when it is refused (a changed, added or removed file, a missing or malformed signatures file,
 * an unknown key, a bad signature), with the reason code and the file to blame; 2 on a missing
 * directory or an unusable key file.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a policy bundle directory against its .signatures.json.",
            "Trust one or more Ed25519 public keys (repeat --pubkey during a key rotation). Exits 1 naming the file "
                + "on any changed, added or removed file, and on a missing or bad signature. See docs/policy-signing.md."})
final class PolicyVerifyCommand implements Callable<Integer> {

    @Option(names = "--pubkey", required = true, paramLabel = "PUB",
            description = "A trusted Ed25519 public key (X.509 PEM); repeatable.")
    List<Path> pubkeys;

    @Parameters(paramLabel = "DIR", description = "The bundle directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            return fail(PolicyExit.USAGE, dir + " is not a bundle directory");
        }
        List<TrustedKey> trusted = new ArrayList<>();
        for (Path pubkey : pubkeys) {
            try {
                trusted.add(PemKeys.readTrustedKey(pubkey));
            } catch (KeyFileException e) {
                return fail(PolicyExit.USAGE, e.getMessage());
            }
        }
        return switch (new BundleVerifier(trusted).verify(dir)) {
            case Verification.Verified ok -> {
                PrintWriter out = spec.commandLine().getOut();
                out.println("verified " + dir + ": " + ok.bundleDigest() + " signed by key " + String.join(", ", ok.keyIds()));
                out.flush();
                yield PolicyExit.OK;
            }
            case Verification.Refused refused -> fail(PolicyExit.REFUSED,
                    dir + " refused (" + refused.reason() + "): " + refused.message());
        };
    }

    private int fail(int exit, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("parapet policy verify: " + message);
        err.flush();
        return exit;
    }
}
