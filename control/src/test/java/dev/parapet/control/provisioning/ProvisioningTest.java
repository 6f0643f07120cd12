package dev.parapet.control.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.control.TestDatabase;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.control.store.Migrations;
import dev.parapet.core.SecretHash;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProvisioningTest {
    private static ControlDatabase db;
    private static Provisioning provisioning;

    @BeforeAll
    static void open() {
        db = TestDatabase.openPool();
        Migrations.migrate(db.dataSource());
        provisioning = new Provisioning(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void createsAndFindsTenants() {
        Tenant t = provisioning.createTenant("Acme");

        assertThat(provisioning.findTenant(t.id())).contains(t);
        assertThat(provisioning.findTenant("no-such-tenant")).isEmpty();
    }

    @Test
    void duplicateTenantIdFails() {
        Tenant t = provisioning.createTenant("Acme");

        assertThatThrownBy(() -> provisioning.createTenant(t.id(), "again")).isInstanceOf(ProvisioningException.class);
    }

    @Test
    void issuedApiKeyIsListedByHashWithDisplayPrefixOnly() throws Exception {
        String tenant = provisioning.createTenant("Acme").id();

        String key = provisioning.issueApiKey(tenant, "alice", "developer");

        assertThat(key).startsWith("pk_").hasSize(3 + 43);
        assertThat(provisioning.listActiveApiKeys(tenant)).singleElement().satisfies(k -> {
            assertThat(k.tenantId()).isEqualTo(tenant);
            assertThat(k.keyHash()).isEqualTo(SecretHash.of(key));
            assertThat(k.displayPrefix()).isEqualTo(SecretHash.displayPrefix(key));
            assertThat(k.principalId()).isEqualTo("alice");
            assertThat(k.role()).isEqualTo("developer");
        });
        assertThat(databaseContains(key)).isFalse();
    }

    @Test
    void revokedApiKeyIsNoLongerListed() {
        String tenant = provisioning.createTenant("Acme").id();
        provisioning.issueApiKey(tenant, "alice", "developer");
        String id = provisioning.listActiveApiKeys(tenant).getFirst().id();

        assertThat(provisioning.revokeApiKey(tenant, id)).isTrue();
        assertThat(provisioning.listActiveApiKeys(tenant)).isEmpty();
        assertThat(provisioning.revokeApiKey(tenant, id)).isFalse();
    }

    @Test
    void apiKeysAreListedPerTenant() {
        String a = provisioning.createTenant("A").id();
        String b = provisioning.createTenant("B").id();
        provisioning.issueApiKey(a, "alice", "developer");

        assertThat(provisioning.listActiveApiKeys(b)).isEmpty();
    }

    @Test
    void tokensResolveToTheirTenantByHashOnly() throws Exception {
        String tenant = provisioning.createTenant("Acme").id();
        String admin = provisioning.issueAdminToken(tenant);
        String gateway = provisioning.issueGatewayToken(tenant, "gw-1");

        assertThat(admin).startsWith("pat_");
        assertThat(gateway).startsWith("pgw_");
        assertThat(provisioning.findTenantByAdminTokenHash(SecretHash.of(admin))).contains(tenant);
        assertThat(provisioning.findTenantByGatewayTokenHash(SecretHash.of(gateway))).contains(tenant);
        assertThat(provisioning.findTenantByAdminTokenHash(SecretHash.of(gateway))).isEmpty();
        assertThat(provisioning.findTenantByGatewayTokenHash(SecretHash.of(admin))).isEmpty();
        assertThat(databaseContains(admin) || databaseContains(gateway)).isFalse();
    }

    @Test
    void tokensNameTheirCallerForAuditAndAuthorship() {
        String tenant = provisioning.createTenant("Acme").id();
        String named = provisioning.issueAdminToken(tenant, "alice@acme.example");
        String unnamed = provisioning.issueAdminToken(tenant);
        String gateway = provisioning.issueGatewayToken(tenant, "gw-7");

        assertThat(provisioning.findAdminCaller(SecretHash.of(named))).contains(new Caller(tenant, "alice@acme.example"));
        assertThat(provisioning.findAdminCaller(SecretHash.of(unnamed))).hasValueSatisfying(c ->
                assertThat(c.actor()).matches("admin_token:[0-9a-f-]{36}"));
        assertThat(provisioning.findGatewayCaller(SecretHash.of(gateway))).contains(new Caller(tenant, "gateway:gw-7"));
        assertThat(provisioning.findAdminCaller(SecretHash.of(gateway))).isEmpty();
        assertThatThrownBy(() -> provisioning.issueAdminToken(tenant, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioning.issueAdminToken(tenant, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reissuingAGatewayTokenReplacesTheOldOne() {
        String tenant = provisioning.createTenant("Acme").id();
        String first = provisioning.issueGatewayToken(tenant, "gw-1");
        String second = provisioning.issueGatewayToken(tenant, "gw-1");

        assertThat(provisioning.findTenantByGatewayTokenHash(SecretHash.of(first))).isEmpty();
        assertThat(provisioning.findTenantByGatewayTokenHash(SecretHash.of(second))).contains(tenant);
    }

    @Test
    void credentialsForAnUnknownTenantFail() {
        assertThatThrownBy(() -> provisioning.issueAdminToken("no-such-tenant")).isInstanceOf(ProvisioningException.class);
    }

    @Test
    void malformedRoleOrIdsAreRejected() {
        String tenant = provisioning.createTenant("Acme").id();

        assertThatThrownBy(() -> provisioning.issueApiKey(tenant, "alice", "Admin!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioning.issueGatewayToken(tenant, "gw 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Whether any text column of the credential tables holds the plaintext secret. */
    private static boolean databaseContains(String secret) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select t::text from api_keys t union all select t::text from admin_tokens t
                        union all select t::text from gateways t""")) {
            while (rs.next()) {
                if (rs.getString(1).contains(secret)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void keyChangesAreAuditedInTheSameTransaction() throws Exception {
        String tenant = provisioning.createTenant("audited").id();
        dev.parapet.control.audit.AdminAuditLog audit = new dev.parapet.control.audit.AdminAuditLog(db.dataSource());

        String key = provisioning.issueApiKey(tenant, "svc-1", "developer");
        String keyId = provisioning.listActiveApiKeys(tenant).getFirst().id();
        String admin = provisioning.issueAdminToken(tenant, "alice@example.com");
        String gateway = provisioning.issueGatewayToken(tenant, "gw-1");
        assertThat(provisioning.revokeApiKey(tenant, keyId)).isTrue();
        assertThat(provisioning.revokeApiKey(tenant, keyId)).isFalse(); // nothing changed: nothing audited

        java.util.List<String> actions = audit.newest(tenant, 10).stream().map(r -> r.entry().action()).toList();
        assertThat(actions).containsExactly("key.api_key.revoke", "key.gateway_token.issue", "key.admin_token.create",
                "key.api_key.create");
        assertThat(audit.newest(tenant, 10).getLast().entry().target()).isEqualTo("api_key:" + keyId);
        // the visible key prefix is recorded, never a secret
        assertThat(audit.newest(tenant, 10).toString()).doesNotContain(key).doesNotContain(admin).doesNotContain(gateway)
                .contains("prefix=" + dev.parapet.core.SecretHash.displayPrefix(key));
    }
}
