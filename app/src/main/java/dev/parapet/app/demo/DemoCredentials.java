package dev.parapet.app.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.app.SecretFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <data dir>/demo-credentials.json}: where the demo's endpoints and secrets are written for
 * the user and read back on the next start, so the same credentials keep working. Written
 * atomically, readable by the owner only.
 *
 * @param gatewayUrl   the gateway's base URL
 * @param controlUrl   the control plane's base URL
 * @param apiKey       the demo client's Parapet API key
 * @param adminToken   the demo tenant's admin token for the control plane API
 * @param gatewayToken the gateway's credential towards the control plane
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemoCredentials(@JsonProperty("gateway_url") String gatewayUrl,
                              @JsonProperty("control_url") String controlUrl,
                              @JsonProperty("api_key") String apiKey,
                              @JsonProperty("admin_token") String adminToken,
                              @JsonProperty("gateway_token") String gatewayToken) {

    public static final String FILE_NAME = "demo-credentials.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The credentials of an earlier start, if the file exists and parses. */
    public static Optional<DemoCredentials> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        DemoCredentials c = JSON.readValue(file.toFile(), DemoCredentials.class);
        if (c.apiKey() == null || c.adminToken() == null || c.gatewayToken() == null) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    public void write(Path dataDir) throws IOException {
        SecretFiles.writePrivate(dataDir.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
    }
}
