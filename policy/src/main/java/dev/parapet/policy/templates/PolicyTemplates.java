package dev.parapet.policy.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The templates shipped with Parapet, and instantiating one into a bundle directory. */
public final class PolicyTemplates {

    private static final List<PolicyTemplate> ALL = List.of(new ModelAccessTemplate(), new DlpEntityTemplate(),
            new InjectionThresholdsTemplate(), new UsageLimitsTemplate(), new GdprResidencyTemplate(), new HipaaPhiTemplate(),
            new PciCardDataTemplate(), new AgentToolsTemplate(), new BusinessHoursTemplate(), new ShadowAiTemplate());

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private PolicyTemplates() {
    }

    /** Every template, in a stable order. */
    public static List<PolicyTemplate> all() {
        return ALL;
    }

    /** The template named {@code name}. */
    public static PolicyTemplate find(String name) throws TemplateException {
        for (PolicyTemplate t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new TemplateException("no template '" + name + "' (templates: "
                + String.join(", ", ALL.stream().map(PolicyTemplate::name).toList()) + ")");
    }

    /**
     * The files {@code template} instantiated with {@code raw} adds to or changes in a bundle that
     * currently holds {@code current} (path → bytes; only {@code limits.yaml} and
     * {@code detectors.yaml} are read): path → new contents.
     */
    public static Map<String, byte[]> render(PolicyTemplate template, Map<String, String> raw, Map<String, byte[]> current)
            throws TemplateException {
        TemplateArguments args = TemplateArguments.parse(template, raw);
        TemplateOutput out = template.render(args);
        Map<String, byte[]> files = new TreeMap<>();
        String header = "# From template " + template.name() + " (parapet policy template add " + template.name()
                + argumentsText(raw) + ").\n";
        if (!out.rules().isEmpty()) {
            String path = "rules/50-" + args.word("id") + ".yaml";
            if (current.containsKey(path)) {
                throw new TemplateException(path + " exists: this template was already added with id '" + args.word("id")
                        + "'; pass --param id=<another> to add it again");
            }
            files.put(path, (header + yaml(Map.of("rules", out.rules()))).getBytes(StandardCharsets.UTF_8));
        }
        if (!out.rates().isEmpty() || !out.budgets().isEmpty()) {
            ObjectNode limits = tree(current.get("limits.yaml"), "limits.yaml");
            append(limits, "rates", out.rates());
            append(limits, "budgets", out.budgets());
            files.put("limits.yaml", yaml(limits).getBytes(StandardCharsets.UTF_8));
        }
        if (out.riskThresholds().isPresent()) {
            ObjectNode detectors = tree(current.get("detectors.yaml"), "detectors.yaml");
            ObjectNode thresholds = detectors.has("thresholds") && detectors.get("thresholds").isObject()
                    ? (ObjectNode) detectors.get("thresholds") : detectors.putObject("thresholds");
            thresholds.set("risk", YAML.valueToTree(new TreeMap<>(out.riskThresholds().get())));
            files.put("detectors.yaml", yaml(detectors).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /**
     * Instantiates {@code template} into the bundle directory {@code dir}: writes its rules file and
     * merges its limits and thresholds, then loads the whole bundle; if that fails, every file is
     * put back as it was and the error is thrown.
     *
     * @return the paths written, relative to {@code dir}
     */
    public static List<String> apply(PolicyTemplate template, Map<String, String> raw, Path dir) throws TemplateException {
        try {
            PolicyBundle.load(dir);
        } catch (PolicyBundleException e) {
            throw new TemplateException("the bundle in " + dir + " is not valid before adding the template: " + e.getMessage(), e);
        }
        Map<String, byte[]> current = new LinkedHashMap<>();
        for (String name : List.of("limits.yaml", "detectors.yaml")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                current.put(name, read(p));
            }
        }
        Map<String, byte[]> files = render(template, raw, existing(dir, current));
        Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                before.put(f.getKey(), Files.exists(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            PolicyBundle.load(dir);
        } catch (PolicyBundleException | IOException e) {
            restore(dir, before);
            throw new TemplateException("template " + template.name() + " does not fit this bundle (nothing was changed): "
                    + e.getMessage(), e);
        }
        return new ArrayList<>(files.keySet());
    }

    private static Map<String, byte[]> existing(Path dir, Map<String, byte[]> current) {
        Map<String, byte[]> all = new LinkedHashMap<>(current);
        Path rules = dir.resolve("rules");
        if (Files.isDirectory(rules)) {
            try (var list = Files.list(rules)) {
                list.forEach(p -> all.put("rules/" + p.getFileName(), new byte[0]));
            } catch (IOException e) {
                // a listing error surfaces when the bundle is loaded
            }
        }
        return all;
    }

    private static void restore(Path dir, Map<String, Optional<byte[]>> before) {
        for (Map.Entry<String, Optional<byte[]>> e : before.entrySet()) {
            Path p = dir.resolve(e.getKey());
            try {
                if (e.getValue().isPresent()) {
                    Files.write(p, e.getValue().get());
                } else {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // best effort: the message tells the user the add failed
            }
        }
    }

    private static byte[] read(Path p) throws TemplateException {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new TemplateException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode tree(byte[] yaml, String name) throws TemplateException {
        if (yaml == null) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new TemplateException(name + " is not a mapping");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new TemplateException(name + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void append(ObjectNode root, String field, List<Map<String, Object>> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ArrayNode list = root.has(field) && root.get(field).isArray() ? (ArrayNode) root.get(field) : root.putArray(field);
        for (Map<String, Object> e : entries) {
            list.add(YAML.valueToTree(e));
        }
    }

    private static String yaml(Object value) throws TemplateException {
        try {
            return YAML.writeValueAsString(value);
        } catch (IOException e) {
            throw new TemplateException("cannot write YAML: " + e.getMessage(), e);
        }
    }

    private static String argumentsText(Map<String, String> raw) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(raw).forEach((k, v) -> b.append(" --param ").append(k).append('=').append(v.replaceAll("[\\r\\n]", " ")));
        return b.toString();
    }
}
