package dev.parapet.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small valid policy bundles for tests, as file maps and as publish request bodies. */
public final class TestBundles {
    private TestBundles() {
    }

    /** A valid bundle: a manifest at {@code version} and one rule file blocking {@code risk >= threshold}. */
    public static Map<String, byte[]> bundle(String version, int threshold) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.yaml", utf8("""
                name: test
                version: "%s"
                message: version %s of the test bundle
                """.formatted(version, version)));
        files.put("rules/10-risk.yaml", utf8("""
                rules:
                  - id: block-risky
                    when: "risk >= %d"
                    action: block
                    reason_code: risk_too_high
                """.formatted(threshold)));
        return files;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code files} member of a publish request: base64 of each file, as JSON. */
    public static String filesJson(Map<String, byte[]> files) {
        StringBuilder json = new StringBuilder("{");
        files.forEach((name, bytes) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"');
        });
        return json.append('}').toString();
    }

    /** A publish request body for {@code files} with a reason. */
    public static String publishBody(Map<String, byte[]> files, String reason) {
        return "{\"files\":" + filesJson(files) + ",\"reason\":\"" + reason + "\"}";
    }
}
