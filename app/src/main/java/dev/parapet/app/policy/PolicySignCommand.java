package dev.parapet.app.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.signing.BundleSigner;
import dev.parapet.policy.signing.KeyFileException;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SignaturesFileException;
import dev.parapet.policy.signing.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapet policy sign --key KEY DIR}: signs a bundle directory with an Ed25519 private key,
 * writing {@code DIR/.signatures.json}; signatures of other keys over the same content are kept
 * (key rotation), stale ones dropped. Exit 0 on success, 1 when the directory is not a valid
 * bundle or its signatures file is malformed, 2 on a missing directory or an unusable key.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a policy bundle directory: write its .signatures.json.",
            "Signatures by other keys over the same content are kept (key rotation); stale ones are dropped. "
                + "See docs/policy-signing.md."})
final class PolicySignCommand implements Callable<Integer> {

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Ed25519 private key (PKCS#8 PEM).")
    Path key;

    @Parameters(paramLabel = "DIR", description = "The bundle directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            return fail(PolicyExit.USAGE, dir + " is not a bundle directory");
        }
        SigningKey signingKey;
        try {
            signingKey = PemKeys.readSigningKey(key);
        } catch (KeyFileException e) {
            return fail(PolicyExit.USAGE, e.getMessage());
        }
        BundleSigner.Signed signed;
        try {
            signed = new BundleSigner(signingKey, Clock.systemUTC()).sign(dir);
        } catch (PolicyBundleException e) {
            return fail(PolicyExit.REFUSED, "cannot sign " + dir + ": " + e.getMessage());
        } catch (SignaturesFileException e) {
            return fail(PolicyExit.REFUSED, dir.resolve(BundleFiles.SIGNATURES_FILE) + ": " + e.getMessage()
                    + " (delete it to sign afresh)");
        } catch (IOException e) {
            return fail(PolicyExit.REFUSED, "cannot write " + dir.resolve(BundleFiles.SIGNATURES_FILE) + ": " + e.getMessage());
        }
        StringBuilder line = new StringBuilder("signed ").append(dir).append(": ").append(signed.bundleDigest())
                .append(" by key ").append(signed.keyId());
        if (!signed.keptKeyIds().isEmpty()) {
            line.append("; also signed by ").append(String.join(", ", signed.keptKeyIds()));
        }
        if (signed.droppedStale() > 0) {
            line.append("; dropped ").append(signed.droppedStale()).append(" stale signature")
                    .append(signed.droppedStale() == 1 ? "" : "s");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
        return PolicyExit.OK;
    }

    private int fail(int exit, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("parapet policy sign: " + message);
        err.flush();
        return exit;
    }
}
