package dev.parapet.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scalar settings by dotted key ({@code gateway.port}) plus the list of upstreams, layered:
 * {@link #DEFAULTS}, then the YAML file, then environment variables named {@code PARAPET_} and the
 * key in upper case with dots as underscores ({@code PARAPET_GATEWAY_PORT}), then flags.
 *
 * <p>Unknown keys in the file or the environment are errors, so a typo never silently falls back
 * to a default. A list setting is a YAML list in the file, or comma-separated anywhere
 * ({@link #list}).
 */
public final class Settings {
    /** Every known key with its default; {@code ""} means unset. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("data_dir", ".parapet");
        d.put("gateway.host", "127.0.0.1");
        d.put("gateway.port", "8080");
        d.put("gateway.max_body_bytes", "1048576");
        d.put("gateway.shutdown_grace_seconds", "10");
        d.put("gateway.policy_bundle", "");
        d.put("gateway.bundle_public_keys", "");
        d.put("gateway.bundle_poll_interval_seconds", "10");
        d.put("gateway.bundle_long_poll_seconds", "30");
        d.put("gateway.events_flush_interval_ms", "1000");
        d.put("control.host", "127.0.0.1");
        d.put("control.port", "8081");
        d.put("control.url", "");
        d.put("control.max_body_bytes", "4194304");
        d.put("control.signing_key", "");
        d.put("database.url", "");
        d.put("database.user", "");
        d.put("database.password", "");
        d.put("log.level", "INFO");
        d.put("demo.upstream_port", "0");
        d.put("demo.chunk_delay_ms", "15");
        DEFAULTS = Map.copyOf(d);
    }

    private final Map<String, String> values;
    private final List<UpstreamSetting> upstreams;

    private Settings(Map<String, String> values, List<UpstreamSetting> upstreams) {
        this.values = values;
        this.upstreams = upstreams;
    }

    /**
     * An upstream provider from the configuration file.
     *
     * @param name       a name for logs
     * @param baseUrl    base URL up to {@code /v1}
     * @param apiKeyEnv  the environment variable that holds the provider key, or empty
     * @param models     model names served; {@code *} for any
     */
    public record UpstreamSetting(String name, String baseUrl, Optional<String> apiKeyEnv, List<String> models) {
    }

    /**
     * Loads settings.
     *
     * @param file  a YAML file, or empty
     * @param env   the environment (pass {@code System.getenv()})
     * @param flags command-line values by key; they win over everything
     * @throws IllegalArgumentException naming the bad key or value
     */
    public static Settings load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        List<UpstreamSetting> upstreams = new ArrayList<>();
        if (file.isPresent()) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file.get()));
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    throw new IllegalArgumentException(file.get() + ": the configuration must be a YAML mapping");
                }
                flatten("", root, values, upstreams, file.get());
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith("PARAPET_")) {
                String key = keyForEnv(e.getKey());
                values.put(key, e.getValue());
            }
        }
        values.putAll(flags);
        return new Settings(Map.copyOf(values), List.copyOf(upstreams));
    }

    private static String keyForEnv(String envName) {
        String rest = envName.substring("PARAPET_".length()).toLowerCase(Locale.ROOT);
        for (String key : DEFAULTS.keySet()) {
            if (key.replace('.', '_').equals(rest)) {
                return key;
            }
        }
        throw new IllegalArgumentException("unknown environment variable " + envName
                + " (see docs/configuration.md for the PARAPET_* variables)");
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, List<UpstreamSetting> upstreams,
                                Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (key.equals("gateway.upstreams")) {
                upstreams.addAll(upstreams(f.getValue(), file));
            } else if (f.getValue().isObject()) {
                flatten(key, f.getValue(), out, upstreams, file);
            } else if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException(file + ": unknown setting '" + key + "'");
            } else if (f.getValue().isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : f.getValue()) {
                    if (!item.isValueNode()) {
                        throw new IllegalArgumentException(file + ": " + key + " must be a list of plain values");
                    }
                    items.add(item.asText());
                }
                out.put(key, String.join(",", items));
            } else {
                out.put(key, f.getValue().isNull() ? "" : f.getValue().asText());
            }
        }
    }

    private static List<UpstreamSetting> upstreams(JsonNode list, Path file) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": gateway.upstreams must be a list");
        }
        List<UpstreamSetting> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode u = list.get(i);
            String where = file + ": gateway.upstreams[" + i + "]";
            if (!u.path("name").isTextual() || !u.path("base_url").isTextual() || !u.path("models").isArray()) {
                throw new IllegalArgumentException(where + " needs name, base_url and a models list");
            }
            List<String> models = new ArrayList<>();
            u.get("models").forEach(m -> models.add(m.asText()));
            Optional<String> keyEnv = u.path("api_key_env").isTextual()
                    ? Optional.of(u.get("api_key_env").asText()) : Optional.empty();
            result.add(new UpstreamSetting(u.get("name").asText(), u.get("base_url").asText(), keyEnv, models));
        }
        return result;
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        return v;
    }

    public Optional<String> optional(String key) {
        String v = string(key);
        return v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** A list setting: its comma-separated items, trimmed, blanks dropped; empty when unset. */
    public List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String item : string(key).split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return List.copyOf(items);
    }

    public int integer(String key) {
        return (int) number(key, 0, Integer.MAX_VALUE);
    }

    public long number(String key, long min, long max) {
        String v = string(key);
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException("setting " + key + "=" + v + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "=" + v + " is not a whole number");
        }
    }

    public int port(String key) {
        return (int) number(key, 0, 65535);
    }

    public List<UpstreamSetting> upstreams() {
        return upstreams;
    }
}
