package dev.parapet.control.provisioning;

import java.util.Objects;

/**
 * The plaintext credentials of the demo tenant, which the app keeps in its credentials file.
 * {@link #toString()} hides them.
 */
public record DemoSecrets(String tenantId, String apiKey, String adminToken, String gatewayToken) {
    public DemoSecrets {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(gatewayToken, "gatewayToken");
    }

    @Override
    public String toString() {
        return "DemoSecrets[tenantId=" + tenantId + ", secrets=***]";
    }
}
