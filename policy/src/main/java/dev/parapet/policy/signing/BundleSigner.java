package dev.parapet.policy.signing;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Signs a bundle directory: writes its {@code .signatures.json}; the twin of {@link BundleVerifier}.
 *
 * <p>Signing keeps the existing signatures of other keys that cover the same content, so signing
 * an unchanged bundle with a second key adds a signature (key rotation), and drops those that
 * cover other content, so that re-signing a changed bundle leaves no stale signature behind. A
 * signature by the same key is replaced. Signatures that are kept are not checked (the signer
 * need not hold their public keys); the verifier checks every one it trusts.
 */
public final class BundleSigner {

    private final SigningKey key;
    private final Clock clock;

    /** A signer with {@code key}, dating signatures by {@code clock}. */
    public BundleSigner(SigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What signing did.
     *
     * @param keyId        the key that signed
     * @param bundleDigest the signed bundle's digest
     * @param keptKeyIds   other keys whose signatures over the same content were kept, in file order
     * @param droppedStale how many signatures over other content were dropped
     */
    public record Signed(String keyId, String bundleDigest, List<String> keptKeyIds, int droppedStale) {
        public Signed {
            keptKeyIds = List.copyOf(keptKeyIds);
        }
    }

    /**
     * Signs the bundle directory {@code dir}, replacing its {@code .signatures.json} atomically.
     *
     * @throws PolicyBundleException    when {@code dir} cannot be read as a bundle
     * @throws SignaturesFileException  when the existing {@code .signatures.json} is not valid (delete it to sign afresh)
     * @throws IOException              when the signatures file cannot be written
     */
    public Signed sign(Path dir) throws PolicyBundleException, SignaturesFileException, IOException {
        BundleFiles bundle = BundleFiles.read(dir);
        Path file = dir.resolve(BundleFiles.SIGNATURES_FILE);
        List<BundleSignature> existing = List.of();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.size(file) > SignaturesFile.MAX_BYTES) {
                throw new SignaturesFileException("larger than " + SignaturesFile.MAX_BYTES + " bytes");
            }
            existing = SignaturesFile.parse(Files.readAllBytes(file));
        }
        List<BundleSignature> next = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int stale = 0;
        for (BundleSignature signature : existing) {
            if (signature.keyId().equals(key.keyId())) {
                continue;
            }
            if (signature.covers(bundle)) {
                next.add(signature);
                kept.add(signature.keyId());
            } else {
                stale++;
            }
        }
        if (next.size() >= SignaturesFile.MAX_SIGNATURES) {
            throw new SignaturesFileException("already holds " + next.size() + " signatures over this content (at most "
                    + SignaturesFile.MAX_SIGNATURES + ")");
        }
        next.add(BundleSignature.create(bundle, key, clock.instant()));
        write(file, SignaturesFile.render(next));
        return new Signed(key.keyId(), bundle.digest(), kept, stale);
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(BundleFiles.SIGNATURES_FILE + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
