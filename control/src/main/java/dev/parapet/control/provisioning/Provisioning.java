package dev.parapet.control.provisioning;

import dev.parapet.control.audit.AdminAuditLog;
import dev.parapet.control.audit.AuditEntry;
import dev.parapet.core.Ids;
import dev.parapet.core.SecretHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates tenants and issues their credentials. Each {@code issue…} method returns the new
 * plaintext secret once and stores only its {@link SecretHash}; lookups take that hash.
 *
 * <p>Secret prefixes: {@value #API_KEY_PREFIX} (API keys), {@value #ADMIN_TOKEN_PREFIX} (admin
 * tokens), {@value #GATEWAY_TOKEN_PREFIX} (gateway tokens). Database failures surface as
 * {@link ProvisioningException}.
 */
public final class Provisioning {
    /** The actor of audit records written here: provisioning runs as the operator, not a token. */
    static final String ACTOR = "operator";
    public static final String API_KEY_PREFIX = "pk";
    public static final String ADMIN_TOKEN_PREFIX = "pat";
    public static final String GATEWAY_TOKEN_PREFIX = "pgw";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z_]{0,31}");
    private static final int MAX_NAME_LENGTH = 128;
    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private final DataSource dataSource;

    public Provisioning(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Creates a tenant with a new UUIDv7 id. */
    public Tenant createTenant(String name) {
        return createTenant(Ids.newId().toString(), name);
    }

    /** Creates a tenant with the given id; fails if the id is taken. */
    public Tenant createTenant(String id, String name) {
        requireId("tenant id", id);
        Objects.requireNonNull(name, "name");
        return query("insert into tenants (id, name) values (?, ?) returning created_at", ps -> {
            ps.setString(1, id);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Tenant t = new Tenant(id, name, rs.getObject(1, OffsetDateTime.class).toInstant());
                LOG.atInfo().addKeyValue("tenant_id", id).log("tenant created");
                return t;
            }
        });
    }

    public Optional<Tenant> findTenant(String id) {
        return query("select name, created_at from tenants where id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Tenant(id, rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        });
    }

    /** Issues an API key ({@code pk_…}) for a principal of the tenant. */
    public String issueApiKey(String tenantId, String principalId, String role) {
        requireId("principal id", principalId);
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("role must be lower-case letters and underscores: " + role);
        }
        String key = SecretHash.newSecret(API_KEY_PREFIX);
        String id = Ids.newId().toString();
        audited("""
                insert into api_keys (id, tenant_id, key_hash, display_prefix, principal_id, role)
                values (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, SecretHash.of(key));
            ps.setString(4, SecretHash.displayPrefix(key));
            ps.setString(5, principalId);
            ps.setString(6, role);
        }, new AuditEntry(tenantId, ACTOR, "key.api_key.create", "api_key:" + id,
                Map.of("principal_id", principalId, "role", role, "prefix", SecretHash.displayPrefix(key))));
        LOG.atInfo().addKeyValue("tenant_id", tenantId).addKeyValue("api_key_id", id)
                .addKeyValue("principal_id", principalId).log("api key issued");
        return key;
    }

    /** Issues an unnamed admin token ({@code pat_…}); its actions are recorded as {@code admin_token:<id>}. */
    public String issueAdminToken(String tenantId) {
        return issueAdminToken(tenantId, null);
    }

    /**
     * Issues an admin token ({@code pat_…}) for the tenant's control-plane API, named for the
     * principal who holds it (e.g. {@code alice@acme.example}): the author of the policy versions
     * it publishes and the actor of its audit records. A null name leaves it unnamed.
     */
    public String issueAdminToken(String tenantId, String name) {
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("admin token name must be 1-" + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        String token = SecretHash.newSecret(ADMIN_TOKEN_PREFIX);
        String id = Ids.newId().toString();
        audited("insert into admin_tokens (id, tenant_id, token_hash, name) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, tenantId);
            ps.setString(3, SecretHash.of(token));
            ps.setString(4, name);
        }, new AuditEntry(tenantId, ACTOR, "key.admin_token.create", "admin_token:" + id,
                name == null ? Map.of() : Map.of("name", name)));
        LOG.atInfo().addKeyValue("tenant_id", tenantId).addKeyValue("admin_token_id", id).log("admin token issued");
        return token;
    }

    /**
     * Issues the token ({@code pgw_…}) with which gateway {@code gatewayId} delivers the tenant's
     * events. A gateway has one token: issuing again replaces (and so revokes) the previous one.
     */
    public String issueGatewayToken(String tenantId, String gatewayId) {
        requireId("gateway id", gatewayId);
        String token = SecretHash.newSecret(GATEWAY_TOKEN_PREFIX);
        audited("""
                insert into gateways (id, tenant_id, token_hash) values (?, ?, ?)
                on conflict (tenant_id, id) do update
                set token_hash = excluded.token_hash, created_at = now(), revoked_at = null""", ps -> {
            ps.setString(1, gatewayId);
            ps.setString(2, tenantId);
            ps.setString(3, SecretHash.of(token));
        }, new AuditEntry(tenantId, ACTOR, "key.gateway_token.issue", "gateway:" + gatewayId, Map.of()));
        LOG.atInfo().addKeyValue("tenant_id", tenantId).addKeyValue("gateway_id", gatewayId).log("gateway token issued");
        return token;
    }

    /** The tenant's unrevoked API keys, oldest first. */
    public List<ApiKeyRecord> listActiveApiKeys(String tenantId) {
        return query("""
                select id, key_hash, display_prefix, principal_id, role from api_keys
                where tenant_id = ? and revoked_at is null order by created_at, id""", ps -> {
            ps.setString(1, tenantId);
            List<ApiKeyRecord> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ApiKeyRecord(rs.getString(1), tenantId, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return keys;
        });
    }

    /** Revokes an API key of the tenant; returns whether an active key was revoked. */
    public boolean revokeApiKey(String tenantId, String apiKeyId) {
        return audited("update api_keys set revoked_at = now() where tenant_id = ? and id = ? and revoked_at is null",
                ps -> {
                    ps.setString(1, tenantId);
                    ps.setString(2, apiKeyId);
                }, new AuditEntry(tenantId, ACTOR, "key.api_key.revoke", "api_key:" + apiKeyId, Map.of())) == 1;
    }

    /** The tenant of an unrevoked admin token, given {@link SecretHash#of} the token. */
    public Optional<String> findTenantByAdminTokenHash(String tokenHash) {
        return tenantOf("select tenant_id from admin_tokens where token_hash = ? and revoked_at is null", tokenHash);
    }

    /** The tenant of an unrevoked gateway token, given {@link SecretHash#of} the token. */
    public Optional<String> findTenantByGatewayTokenHash(String tokenHash) {
        return tenantOf("select tenant_id from gateways where token_hash = ? and revoked_at is null", tokenHash);
    }

    /** Who holds an unrevoked admin token, given {@link SecretHash#of} the token. */
    public Optional<Caller> findAdminCaller(String tokenHash) {
        return query("select tenant_id, id, name from admin_tokens where token_hash = ? and revoked_at is null", ps -> {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(3);
                return Optional.of(new Caller(rs.getString(1), name != null ? name : "admin_token:" + rs.getString(2)));
            }
        });
    }

    /** Which gateway holds an unrevoked gateway token, given {@link SecretHash#of} the token. */
    public Optional<Caller> findGatewayCaller(String tokenHash) {
        return query("select tenant_id, id from gateways where token_hash = ? and revoked_at is null", ps -> {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Caller(rs.getString(1), "gateway:" + rs.getString(2))) : Optional.empty();
            }
        });
    }

    private Optional<String> tenantOf(String sql, String hash) {
        return query(sql, ps -> {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    private static void requireId(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 of [A-Za-z0-9._-], starting alphanumeric: " + id);
        }
    }

    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs one statement and, in the same transaction, appends {@code audit} to the admin audit
     * trail when the statement changed a row; returns the rows changed.
     */
    private int audited(String sql, Binder binder, AuditEntry audit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                int changed = ps.executeUpdate();
                if (changed > 0) {
                    AdminAuditLog.append(c, audit);
                }
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ProvisioningException(e);
        }
    }

    private void update(String sql, Binder binder) {
        query(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    private <T> T query(String sql, Statement<T> statement) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return statement.run(ps);
        } catch (SQLException e) {
            throw new ProvisioningException(e);
        }
    }
}
