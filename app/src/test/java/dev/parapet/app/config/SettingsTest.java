package dev.parapet.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void layersOverrideInOrderFileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, """
                gateway:
                  port: 9000
                  max_body_bytes: 100
                control:
                  port: 9001
                """);

        Settings s = Settings.load(Optional.of(file), Map.of("PARAPET_GATEWAY_PORT", "9100", "HOME", "/root"),
                Map.of("control.port", "9201"));

        assertThat(s.port("gateway.port")).isEqualTo(9100);
        assertThat(s.port("control.port")).isEqualTo(9201);
        assertThat(s.number("gateway.max_body_bytes", 1, 1000)).isEqualTo(100);
        assertThat(s.string("gateway.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownKeysAreErrorsNotSilentDefaults() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "gateway:\n  prot: 1\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(file), Map.of(), Map.of()))
                .hasMessageContaining("gateway.prot");
        assertThatThrownBy(() -> Settings.load(Optional.empty(), Map.of("PARAPET_GATEWAY_PROT", "1"), Map.of()))
                .hasMessageContaining("PARAPET_GATEWAY_PROT");
    }

    @Test
    void badNumbersAreNamed() throws Exception {
        Settings s = Settings.load(Optional.empty(), Map.of("PARAPET_GATEWAY_PORT", "eighty"), Map.of());

        assertThatThrownBy(() -> s.port("gateway.port")).hasMessageContaining("gateway.port=eighty");
    }

    @Test
    void upstreamsComeFromTheFile() throws Exception {
        Path file = dir.resolve("u.yaml");
        Files.writeString(file, """
                gateway:
                  upstreams:
                    - name: openai
                      base_url: https://api.openai.com/v1
                      api_key_env: OPENAI_API_KEY
                      models: [gpt-4.1]
                """);

        Settings s = Settings.load(Optional.of(file), Map.of(), Map.of());

        assertThat(s.upstreams()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("openai");
            assertThat(u.apiKeyEnv()).contains("OPENAI_API_KEY");
            assertThat(u.models()).containsExactly("gpt-4.1");
        });
    }

    @Test
    void listsComeAsYamlListsOrCommaSeparated() throws Exception {
        Path file = dir.resolve("keys.yaml");
        Files.writeString(file, """
                gateway:
                  bundle_public_keys: [/etc/parapet/current.pem, /etc/parapet/next.pem]
                """);

        Settings fromFile = Settings.load(Optional.of(file), Map.of(), Map.of());
        Settings fromEnv = Settings.load(Optional.empty(),
                Map.of("PARAPET_GATEWAY_BUNDLE_PUBLIC_KEYS", " /a.pem, /b.pem ,"), Map.of());
        Settings unset = Settings.load(Optional.empty(), Map.of(), Map.of());

        assertThat(fromFile.list("gateway.bundle_public_keys"))
                .containsExactly("/etc/parapet/current.pem", "/etc/parapet/next.pem");
        assertThat(fromEnv.list("gateway.bundle_public_keys")).containsExactly("/a.pem", "/b.pem");
        assertThat(unset.list("gateway.bundle_public_keys")).isEmpty();
    }

    @Test
    void configurationDocListsEveryKey() throws Exception {
        String all = Files.readString(Path.of("..", "docs", "configuration.md"));
        int table = all.indexOf("| key | default | meaning |");
        String doc = all.substring(table, all.indexOf("\n\n", table)); // the settings table only
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_.]+)` \\|").matcher(doc);
        Set<String> documented = new LinkedHashSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        documented.remove("gateway.upstreams");

        assertThat(documented).containsExactlyInAnyOrderElementsOf(Settings.DEFAULTS.keySet());
    }
}
