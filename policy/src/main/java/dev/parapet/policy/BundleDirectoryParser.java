package dev.parapet.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a bundle directory's files into a {@link PolicyBundle}: {@code manifest.yaml}, the rules
 * of {@code rules/*.yaml} (ordered by file name, then by position), and the optional
 * {@code detectors.yaml}, {@code limits.yaml} and {@code principals.yaml}. Files under
 * {@code tests/} are policy tests: allowed here, read only by the test runner. Any other file is
 * an error, so that a misnamed file is reported rather than silently ignored.
 */
final class BundleDirectoryParser {

    private static final Pattern RULES_FILE = Pattern.compile("rules/[^/]+\\.yaml");
    private static final Pattern TESTS_FILE = Pattern.compile("tests/[^/]+\\.yaml");
    private static final List<String> OPTIONAL_FILES = List.of(DetectorSettingsParser.FILE, LimitsParser.FILE,
            PrincipalDirectoryParser.FILE);

    private BundleDirectoryParser() {
    }

    static PolicyBundle parse(BundleFiles files) throws PolicyBundleException {
        List<String> ruleFiles = new ArrayList<>();
        for (String name : files.names()) {
            if (RULES_FILE.matcher(name).matches()) {
                ruleFiles.add(name);
            } else if (!name.equals(ManifestParser.FILE) && !OPTIONAL_FILES.contains(name)
                    && !TESTS_FILE.matcher(name).matches()) {
                throw new PolicyBundleException(name, null, "unknown file (a bundle holds manifest.yaml, rules/*.yaml, "
                        + "tests/*.yaml and optionally detectors.yaml, limits.yaml and principals.yaml)", null);
            }
        }
        if (!files.contains(ManifestParser.FILE)) {
            throw new PolicyBundleException(ManifestParser.FILE, null, "missing: every bundle directory has one", null);
        }
        PolicyManifest manifest = ManifestParser.parse(files.bytes(ManifestParser.FILE));
        DetectorSettings detectors = files.contains(DetectorSettingsParser.FILE)
                ? DetectorSettingsParser.parse(files.bytes(DetectorSettingsParser.FILE)) : DetectorSettings.NONE;
        List<PolicyRule> rules = new ArrayList<>(EntityActionRules.of(detectors));
        Map<String, String> fileOfId = new HashMap<>();
        rules.forEach(r -> fileOfId.put(r.id(), DetectorSettingsParser.FILE));
        rules.addAll(rules(files, ruleFiles, fileOfId));
        Limits limits = files.contains(LimitsParser.FILE)
                ? LimitsParser.parse(files.bytes(LimitsParser.FILE)) : Limits.NONE;
        PrincipalDirectory principals = files.contains(PrincipalDirectoryParser.FILE)
                ? PrincipalDirectoryParser.parse(files.bytes(PrincipalDirectoryParser.FILE)) : PrincipalDirectory.EMPTY;
        return new PolicyBundle(manifest, rules, detectors, limits, principals, files.digest());
    }

    private static List<PolicyRule> rules(BundleFiles files, List<String> ruleFiles, Map<String, String> fileOfId)
            throws PolicyBundleException {
        List<PolicyRule> rules = new ArrayList<>();
        for (String file : ruleFiles) {
            YamlNode root = YamlNode.parse(file, files.bytes(file)).keys(Set.of("rules"));
            List<YamlNode> nodes = root.required("rules").items();
            for (int i = 0; i < nodes.size(); i++) {
                PolicyRule rule;
                try {
                    rule = PolicyBundleParser.rule(nodes.get(i).tree(), i);
                } catch (PolicyBundleException e) {
                    throw e.inFile(file);
                }
                String first = fileOfId.putIfAbsent(rule.id(), file);
                if (first != null) {
                    throw new PolicyBundleException(file, rule.id(), "duplicate rule id (first defined in " + first + ")", null);
                }
                rules.add(rule);
            }
        }
        return rules;
    }
}
