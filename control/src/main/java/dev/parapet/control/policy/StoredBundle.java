package dev.parapet.control.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.BundleSignature;
import dev.parapet.policy.signing.SignaturesFile;
import java.util.List;
import java.util.Objects;

/**
 * A policy version with its content: the bundle's files and the signatures distributed with them.
 *
 * @param version    the version's record
 * @param files      the bundle's files; their digest is {@code version.digest()}
 * @param signatures the entries of its {@code .signatures.json}, the control plane's among them
 */
public record StoredBundle(PolicyVersion version, BundleFiles files, List<BundleSignature> signatures) {
    public StoredBundle {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(files, "files");
        signatures = List.copyOf(signatures);
    }

    /** The {@code .signatures.json} document, as a gateway writes it beside the files. */
    public byte[] signaturesFile() {
        return SignaturesFile.render(signatures);
    }
}
