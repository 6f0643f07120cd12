package dev.parapet.control.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bundle as an author uploads it.
 *
 * @param files      file contents by bundle path ({@code manifest.yaml}, {@code rules/10-pii.yaml}, …)
 * @param signatures the bundle's {@code .signatures.json}, if it was signed before upload
 * @param reason     why it is published; when absent, the manifest's {@code message} is used
 */
public record Upload(Map<String, byte[]> files, Optional<byte[]> signatures, Optional<String> reason) {
    public Upload {
        files = Map.copyOf(files);
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(reason, "reason");
    }
}
