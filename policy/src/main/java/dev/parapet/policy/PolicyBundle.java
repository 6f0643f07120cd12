package dev.parapet.policy;

import dev.parapet.core.Action;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A validated policy bundle: a manifest, an ordered list of rules whose CEL conditions are
 * compiled once, here, at load time, and the tenant's detector settings, limits and principals.
 *
 * <p>A bundle is a directory ({@link #load}, {@link #fromFiles}):
 * <pre>
 * manifest.yaml          name, version, tenant, provenance, on_error, default_action
 * rules/*.yaml           rules: [...]   (ordered by file name, then position)
 * detectors.yaml         optional: signature overrides, DLP entity actions, risk thresholds
 * limits.yaml            optional: rate limits and cost budgets
 * principals.yaml        optional: API-key hashes and revoked principals
 * tests/*.yaml           policy tests (parapet policy test); not used to decide
 * </pre>
 * Its digest is the {@link BundleFiles#digest()} of those files, the one signatures cover.
 *
 * <p>The older single-file form ({@link #parse}) holds a {@code bundle:} header, an optional
 * {@code risk: {hold, block}} and {@code rules:}; its digest is the SHA-256 of its bytes.
 *
 * <p>Instances are immutable and thread-safe. The full language is described in
 * {@code docs/policy-language.md}.
 */
public final class PolicyBundle {

    private final PolicyManifest manifest;
    private final List<PolicyRule> rules;
    private final DetectorSettings detectors;
    private final Limits limits;
    private final PrincipalDirectory principals;
    private final String digest;

    PolicyBundle(String name, String version, OnError onError, Action defaultAction, RiskBand riskBand,
                 List<PolicyRule> rules, byte[] raw) {
        this(PolicyManifest.of(name, version, onError, defaultAction), rules,
                new DetectorSettings(java.util.Set.of(), java.util.Map.of(), java.util.Map.of(), riskBand), Limits.NONE,
                PrincipalDirectory.EMPTY, sha256(raw));
    }

    PolicyBundle(PolicyManifest manifest, List<PolicyRule> rules, DetectorSettings detectors, Limits limits,
                 PrincipalDirectory principals, String digest) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.rules = List.copyOf(rules);
        this.detectors = Objects.requireNonNull(detectors, "detectors");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.principals = Objects.requireNonNull(principals, "principals");
        this.digest = Objects.requireNonNull(digest, "digest");
    }

    /**
     * Reads, parses and validates a bundle directory, compiling every condition.
     *
     * @throws PolicyBundleException naming the file (and rule) at fault: see {@link #fromFiles}
     *                               and {@link BundleFiles#read}
     */
    public static PolicyBundle load(Path dir) throws PolicyBundleException {
        return fromFiles(BundleFiles.read(dir));
    }

    /**
     * Parses and validates the files of a bundle directory, compiling every condition.
     *
     * @throws PolicyBundleException naming the file (and rule) at fault: a missing
     *                               {@code manifest.yaml}, a file outside the layout, malformed
     *                               YAML, a repeated or unknown key, a missing or malformed field,
     *                               a rule error as for {@link #parse}, a rule id defined twice
     *                               across files, a malformed API-key hash, or an inconsistent
     *                               threshold or limit
     */
    public static PolicyBundle fromFiles(BundleFiles files) throws PolicyBundleException {
        Objects.requireNonNull(files, "files");
        return BundleDirectoryParser.parse(files);
    }

    /**
     * Parses and validates a single-file bundle ({@code bundle:} header and {@code rules:}),
     * compiling every condition.
     *
     * @param yaml the bundle's bytes, UTF-8 YAML
     * @throws PolicyBundleException naming the rule and what is wrong: malformed YAML, an unknown
     *                               key, a missing field, an unknown action, a redact rule without
     *                               a {@code redact} list, a malformed reason code, a duplicate id,
     *                               or a condition that does not compile (with the expression)
     */
    public static PolicyBundle parse(byte[] yaml) throws PolicyBundleException {
        Objects.requireNonNull(yaml, "yaml");
        return PolicyBundleParser.parse(yaml.clone());
    }

    /** The bundle shipped with Parapet, from the resource directory {@code dev/parapet/policy/default-bundle/}. */
    public static PolicyBundle defaults() {
        try {
            return fromFiles(defaultFiles());
        } catch (PolicyBundleException e) {
            throw new IllegalStateException("the default bundle is invalid: " + e.getMessage(), e);
        }
    }

    /** The files of the bundle shipped with Parapet, its policy tests included ({@code parapet policy init}). */
    public static BundleFiles defaultFiles() {
        return DefaultBundle.files();
    }

    /**
     * For a directory, {@link BundleFiles#digest()}; for a single file, {@code sha256:} and the
     * lower-case hex SHA-256 of its bytes. Every decision carries it.
     */
    public String digest() {
        return digest;
    }

    /** The bundle's name from its manifest. */
    public String name() {
        return manifest.name();
    }

    /** The bundle's version from its manifest, as written. */
    public String version() {
        return manifest.version();
    }

    /** The manifest: tenant, version, provenance and the bundle-wide settings. */
    public PolicyManifest manifest() {
        return manifest;
    }

    /** The risk bands conditions see as {@code risk_band} ({@code detectors.yaml}, or the defaults). */
    public RiskBand riskBand() {
        return detectors.risk();
    }

    /** The ids of the rules, in evaluation order. */
    public List<String> ruleIds() {
        return PolicyRule.ids(rules);
    }

    /** How the bundle tunes the detectors; {@link DetectorSettings#NONE} when it does not. */
    public DetectorSettings detectors() {
        return detectors;
    }

    /** The bundle's rate limits and budgets; {@link Limits#NONE} when it sets none. */
    public Limits limits() {
        return limits;
    }

    /** The bundle's API keys and revoked principals; {@link PrincipalDirectory#EMPTY} when it lists none. */
    public PrincipalDirectory principals() {
        return principals;
    }

    OnError onError() {
        return manifest.onError();
    }

    Action defaultAction() {
        return manifest.defaultAction();
    }

    List<PolicyRule> rules() {
        return rules;
    }

    private static String sha256(byte[] raw) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PolicyBundle[" + name() + " " + version() + " " + digest + ", " + rules.size() + " rules]";
    }
}
