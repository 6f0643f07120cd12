package dev.parapet.gateway.bundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.SecretHash;
import dev.parapet.gateway.Gateway;
import dev.parapet.gateway.GatewayConfig;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway.policy_bundle} naming a bundle directory or a single file, with and without trusted keys. */
class ConfiguredBundleTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final String API_KEY = "pk_configured-test";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private Gateway start(Path bundle, List<Path> keys) {
        gateway = Gateway.start(new GatewayConfig("127.0.0.1", 0, "gw-test", "t1", 64 * 1024, List.of(),
                List.of(new GatewayConfig.ApiKey(SecretHash.of(API_KEY), "t1", "svc", "developer")), Optional.empty(),
                dir.resolve("spool"), Optional.of(bundle), new byte[32], Duration.ofSeconds(1),
                new GatewayConfig.BundleDistribution(keys, Duration.ofSeconds(10), Duration.ofSeconds(30),
                        dir.resolve("state"))));
        return gateway;
    }

    private Path trusted() throws Exception {
        return Files.writeString(dir.resolve("key.pem"), PemKeys.publicKeyPem(KEY.publicKey()));
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private String actionFor(String tool) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/decide"))
                .header("Authorization", "Bearer " + API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"tool\":{\"name\":\"" + tool + "\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(res.body()).get("action").asText();
    }

    @Test
    void aBundleDirectoryIsEnforcedAndShownAsAFile() throws Exception {
        TestBundle bundle = TestBundle.blockingTool("t1", 5, "rm").unsigned();
        start(bundle.writeTo(dir.resolve("bundle")), List.of());

        assertThat(actionFor("rm")).isEqualTo("block");
        JsonNode ready = get("/readyz");
        assertThat(ready.at("/bundle/source").asText()).isEqualTo("file");
        assertThat(ready.at("/bundle/digest").asText()).isEqualTo(bundle.digest());
        assertThat(ready.at("/bundle/control_version").isNull()).isTrue();
        assertThat(ready.get("bundle_poll").isNull()).as("no control plane, no polling").isTrue();
    }

    @Test
    void withTrustedKeysASignedDirectoryIsEnforced() throws Exception {
        TestBundle bundle = TestBundle.blockingTool("t1", 5, "rm").signedBy(KEY);
        start(bundle.writeTo(dir.resolve("bundle")), List.of(trusted()));

        assertThat(actionFor("rm")).isEqualTo("block");
    }

    @Test
    void withTrustedKeysAnUnsignedDirectoryOrASingleFileStopsTheStart() throws Exception {
        Path unsigned = TestBundle.blockingTool("t1", 5, "rm").unsigned().writeTo(dir.resolve("unsigned"));
        Path single = Files.writeString(dir.resolve("bundle.yaml"), "bundle: {name: x, version: \"1\"}\nrules: []\n");
        List<Path> keys = List.of(trusted());

        assertThatThrownBy(() -> start(unsigned, keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing_signature");
        assertThatThrownBy(() -> start(single, keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single file");
    }

    @Test
    void aBundleForAnotherTenantStopsTheStart() throws Exception {
        Path other = TestBundle.blockingTool("t2", 5, "rm").unsigned().writeTo(dir.resolve("other"));

        assertThatThrownBy(() -> start(other, List.of())).hasMessageContaining("tenant_mismatch");
    }

    @Test
    void anUnreadableKeyFileStopsTheStartNamingIt() throws Exception {
        Path bundle = TestBundle.blockingTool("t1", 5, "rm").unsigned().writeTo(dir.resolve("bundle"));
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");

        assertThatThrownBy(() -> start(bundle, List.of(notAKey))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-key.pem");
    }
}
