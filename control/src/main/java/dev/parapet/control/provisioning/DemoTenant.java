package dev.parapet.control.provisioning;

import dev.parapet.core.SecretHash;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant {@code parapet serve} sets up so that a first run works without any provisioning:
 * tenant {@value #TENANT_ID}, one API key (principal {@value #PRINCIPAL_ID}, role
 * {@value #ROLE}), one admin token and the token of gateway {@value #GATEWAY_ID}.
 */
public final class DemoTenant {
    public static final String TENANT_ID = "demo";
    public static final String PRINCIPAL_ID = "demo-user";
    public static final String ROLE = "developer";
    public static final String GATEWAY_ID = "demo-gateway";
    /** The name of the demo admin token: the author of the policy versions it publishes. */
    public static final String ADMIN_NAME = "demo-admin";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);

    private DemoTenant() {
    }

    /**
     * Returns {@code previous} when all three of its secrets are still active for its tenant;
     * otherwise creates the demo tenant if missing and issues fresh secrets (the demo gateway's
     * old token is replaced).
     */
    public static DemoSecrets ensure(Provisioning provisioning, Optional<DemoSecrets> previous) {
        if (previous.isPresent() && stillValid(provisioning, previous.get())) {
            LOG.atInfo().addKeyValue("tenant_id", previous.get().tenantId()).log("demo credentials reused");
            return previous.get();
        }
        if (provisioning.findTenant(TENANT_ID).isEmpty()) {
            provisioning.createTenant(TENANT_ID, "Demo");
        }
        DemoSecrets fresh = new DemoSecrets(TENANT_ID,
                provisioning.issueApiKey(TENANT_ID, PRINCIPAL_ID, ROLE),
                provisioning.issueAdminToken(TENANT_ID, ADMIN_NAME),
                provisioning.issueGatewayToken(TENANT_ID, GATEWAY_ID));
        LOG.atInfo().addKeyValue("tenant_id", TENANT_ID).log("demo credentials issued");
        return fresh;
    }

    /** Whether the API key, admin token and gateway token all still verify for the secrets' tenant. */
    public static boolean stillValid(Provisioning provisioning, DemoSecrets secrets) {
        String tenant = secrets.tenantId();
        String keyHash = SecretHash.of(secrets.apiKey());
        boolean apiKey = provisioning.listActiveApiKeys(tenant).stream()
                .anyMatch(k -> SecretHash.matches(k.keyHash(), keyHash));
        boolean admin = provisioning.findTenantByAdminTokenHash(SecretHash.of(secrets.adminToken()))
                .filter(tenant::equals).isPresent();
        boolean gateway = provisioning.findTenantByGatewayTokenHash(SecretHash.of(secrets.gatewayToken()))
                .filter(tenant::equals).isPresent();
        return apiKey && admin && gateway;
    }
}
