package dev.parapet.gateway.bundles;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.BundleSignature;
import dev.parapet.policy.signing.SignaturesFile;
import dev.parapet.policy.signing.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A bundle as the control plane would publish it: files, signatures, and what the control plane
 * says about it (which tests may make disagree with the files).
 *
 * @param tenant     the tenant the control plane sends it for
 * @param version    the control plane's version number
 * @param digest     the digest the control plane names (normally the files' digest)
 * @param files      the files, by bundle path
 * @param signatures the {@code .signatures.json} bytes, or null for an unsigned bundle
 */
record TestBundle(String tenant, long version, String digest, Map<String, byte[]> files, byte[] signatures) {

    /** A bundle for {@code tenant} whose one rule blocks the tool {@code blockedTool} (reason {@code tool_blocked_v<version>}). */
    static Builder blockingTool(String tenant, long version, String blockedTool) {
        return new Builder(tenant, version).rule("""
                rules:
                  - id: block-%s
                    when: "tool.name == '%s'"
                    action: block
                    reason_code: tool_blocked_v%d
                """.formatted(blockedTool, blockedTool, version));
    }

    static final class Builder {
        private final String tenant;
        private final long version;
        private String manifestTenant;
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        Builder(String tenant, long version) {
            this.tenant = tenant;
            this.version = version;
            this.manifestTenant = tenant;
        }

        Builder rule(String yaml) {
            files.put("rules/10-rules.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Builder principals(String yaml) {
            files.put("principals.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** The tenant written in manifest.yaml (by default the tenant it is sent for). */
        Builder manifestTenant(String t) {
            this.manifestTenant = t;
            return this;
        }

        private BundleFiles bundleFiles() throws Exception {
            Map<String, byte[]> all = new LinkedHashMap<>(files);
            all.put("manifest.yaml", ("tenant: " + manifestTenant + "\nname: test-bundle\nversion: \"" + version
                    + "\"\non_error: fail_closed\ndefault_action: allow\n").getBytes(StandardCharsets.UTF_8));
            return BundleFiles.of(all);
        }

        TestBundle unsigned() throws Exception {
            BundleFiles b = bundleFiles();
            return new TestBundle(tenant, version, b.digest(), contents(b), null);
        }

        TestBundle signedBy(SigningKey key) throws Exception {
            BundleFiles b = bundleFiles();
            byte[] signatures = SignaturesFile.render(List.of(BundleSignature.create(b, key, Instant.now())));
            return new TestBundle(tenant, version, b.digest(), contents(b), signatures);
        }
    }

    private static Map<String, byte[]> contents(BundleFiles b) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        b.names().forEach(n -> out.put(n, b.bytes(n)));
        return out;
    }

    /** The same bundle with one file's bytes changed after signing (the digest named stays the signed one). */
    TestBundle withFileChanged(String name, String content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(name, content.getBytes(StandardCharsets.UTF_8));
        return new TestBundle(tenant, version, digest, changed, signatures);
    }

    /** The same bundle with the files' real digest named, as a control plane that stored the tampered files would. */
    TestBundle namingItsOwnDigest() throws Exception {
        return new TestBundle(tenant, version, BundleFiles.of(files).digest(), files, signatures);
    }

    BundleCandidate candidate() throws Exception {
        return new BundleCandidate(BundleFiles.of(files), Optional.ofNullable(signatures), Optional.of(digest),
                Optional.of(tenant), OptionalLong.of(version));
    }

    /** Writes the bundle as a directory, with its signatures file if signed. */
    Path writeTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        if (signatures != null) {
            Files.write(dir.resolve(BundleFiles.SIGNATURES_FILE), signatures);
        }
        return dir;
    }
}
