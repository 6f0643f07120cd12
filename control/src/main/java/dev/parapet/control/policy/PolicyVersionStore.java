package dev.parapet.control.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.control.audit.AdminAuditLog;
import dev.parapet.control.audit.AuditEntry;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.signing.SignaturesFile;
import dev.parapet.policy.signing.SignaturesFileException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The tenants' policy versions in PostgreSQL: {@code policy_versions} (immutable; the database
 * refuses UPDATE, DELETE and TRUNCATE), their file contents by SHA-256 in {@code policy_blobs},
 * and each tenant's current version in {@code policy_heads}.
 *
 * <p>Appending takes a lock on the tenant's row, so concurrent publishes of one tenant are
 * numbered one after the other and each names the version it replaced as its parent; the new
 * version, its files, the head and the {@link AdminAuditLog} record commit together. Every query
 * filters on the tenant.
 */
public final class PolicyVersionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FILE_LIST = new TypeReference<>() { };
    private static final String COLUMNS = """
            version, parent_version, kind, rollback_of, digest, key_id, author, reason, created_at""";
    private static final String HEAD = """
            select h.version, v.digest from policy_heads h
            join policy_versions v on v.tenant_id = h.tenant_id and v.version = h.version
            where h.tenant_id = ?""";

    private final DataSource dataSource;

    public PolicyVersionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores {@code next} as the tenant's newest version and makes it current, unless the current
     * version already has the same digest.
     *
     * @throws IllegalArgumentException when the tenant does not exist
     */
    public AppendResult append(NewVersion next) throws SQLException {
        String tenant = next.tenantId();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockTenant(c, tenant);
                Optional<Head> head = head(c, tenant);
                if (head.isPresent() && head.get().digest().equals(next.files().digest())) {
                    c.rollback();
                    return new AppendResult.Unchanged(head.get());
                }
                int version = nextVersion(c, tenant);
                storeBlobs(c, tenant, next.files());
                PolicyVersion stored = insertVersion(c, next, version, head.map(Head::version));
                moveHead(c, tenant, version);
                AdminAuditLog.append(c, audit(stored));
                c.commit();
                return new AppendResult.Appended(stored);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The tenant's current version, if it ever published. */
    public Optional<Head> head(String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return head(c, tenantId);
        }
    }

    /** One version's record, without its files. */
    public Optional<PolicyVersion> find(String tenantId, int version) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from policy_versions where tenant_id = ? and version = ?")) {
            ps.setString(1, tenantId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(tenantId, rs)) : Optional.empty();
            }
        }
    }

    /**
     * One version with its files and signatures.
     *
     * @throws SQLException also when the stored files no longer hash to the version's digest
     */
    public Optional<StoredBundle> load(String tenantId, int version) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            PolicyVersion meta;
            TreeMap<String, String> fileList;
            byte[] signatures;
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + ", files::text, signatures::text from policy_versions where tenant_id = ? and version = ?")) {
                ps.setString(1, tenantId);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    meta = version(tenantId, rs);
                    fileList = readFileList(rs.getString(10));
                    signatures = rs.getString(11).getBytes(StandardCharsets.UTF_8);
                }
            }
            BundleFiles files = files(fileList, blobs(c, tenantId, fileList), meta);
            try {
                return Optional.of(new StoredBundle(meta, files, SignaturesFile.parse(signatures)));
            } catch (SignaturesFileException e) {
                throw new SQLException("stored signatures of version " + version + " unreadable: " + e.getMessage(), e);
            }
        }
    }

    /** The tenant's versions, newest first, {@code limit} per page, after {@code cursor} if given. */
    public VersionPage page(String tenantId, int limit, Optional<VersionCursor> cursor) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from policy_versions where tenant_id = ? and version < ? order by version desc limit ?")) {
            ps.setString(1, tenantId);
            ps.setInt(2, cursor.map(VersionCursor::after).orElse(Integer.MAX_VALUE));
            ps.setInt(3, limit + 1);
            List<PolicyVersion> items = new ArrayList<>();
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    items.add(version(tenantId, rs));
                }
            }
            Optional<VersionCursor> next = more ? Optional.of(new VersionCursor(items.getLast().version())) : Optional.empty();
            return new VersionPage(items, head(c, tenantId).map(Head::version), next);
        }
    }

    private static void lockTenant(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from tenants where id = ? for no key update")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no such tenant: " + tenantId);
                }
            }
        }
    }

    private static Optional<Head> head(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HEAD)) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getInt(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    private static int nextVersion(Connection c, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select coalesce(max(version), 0) + 1 from policy_versions where tenant_id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void storeBlobs(Connection c, String tenantId, BundleFiles files) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into policy_blobs (tenant_id, sha256, content) values (?, ?, ?)
                on conflict (tenant_id, sha256) do nothing""")) {
            for (Map.Entry<String, String> file : files.fileDigests().entrySet()) {
                ps.setString(1, tenantId);
                ps.setString(2, file.getValue());
                ps.setBytes(3, files.bytes(file.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static PolicyVersion insertVersion(Connection c, NewVersion next, int version, Optional<Integer> parent)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into policy_versions (tenant_id, version, parent_version, kind, rollback_of, digest, files,
                                             signatures, key_id, author, reason)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                returning created_at""")) {
            ps.setString(1, next.tenantId());
            ps.setInt(2, version);
            ps.setObject(3, parent.orElse(null), java.sql.Types.INTEGER);
            ps.setString(4, next.kind().wire());
            ps.setObject(5, next.rollbackOf().orElse(null), java.sql.Types.INTEGER);
            ps.setString(6, next.files().digest());
            ps.setString(7, writeFileList(next.files().fileDigests()));
            ps.setString(8, new String(SignaturesFile.render(next.signatures()), StandardCharsets.UTF_8));
            ps.setString(9, next.keyId());
            ps.setString(10, next.author());
            ps.setString(11, next.reason());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PolicyVersion(next.tenantId(), version, parent, next.kind(), next.rollbackOf(),
                        next.files().digest(), next.keyId(), next.author(), next.reason(),
                        rs.getObject(1, OffsetDateTime.class).toInstant());
            }
        }
    }

    private static void moveHead(Connection c, String tenantId, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into policy_heads (tenant_id, version) values (?, ?)
                on conflict (tenant_id) do update set version = excluded.version, updated_at = now()""")) {
            ps.setString(1, tenantId);
            ps.setInt(2, version);
            ps.executeUpdate();
        }
    }

    private static AuditEntry audit(PolicyVersion v) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", v.version());
        v.parentVersion().ifPresent(p -> details.put("parent_version", p));
        v.rollbackOf().ifPresent(r -> details.put("rollback_of", r));
        details.put("digest", v.digest());
        details.put("key_id", v.keyId());
        details.put("reason", v.reason());
        String action = v.kind() == VersionKind.ROLLBACK ? AdminAuditLog.POLICY_ROLLBACK : AdminAuditLog.POLICY_PUBLISH;
        return new AuditEntry(v.tenantId(), v.author(), action, "policy_version:" + v.version(), details);
    }

    private static Map<String, byte[]> blobs(Connection c, String tenantId, Map<String, String> fileList)
            throws SQLException {
        Map<String, byte[]> bySha = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select sha256, content from policy_blobs where tenant_id = ? and sha256 = any(?)")) {
            ps.setString(1, tenantId);
            ps.setArray(2, c.createArrayOf("text", fileList.values().stream().distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bySha.put(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return bySha;
    }

    private static BundleFiles files(Map<String, String> fileList, Map<String, byte[]> bySha, PolicyVersion meta)
            throws SQLException {
        Map<String, byte[]> contents = new TreeMap<>();
        for (Map.Entry<String, String> file : fileList.entrySet()) {
            byte[] content = bySha.get(file.getValue());
            if (content == null) {
                throw new SQLException("content of " + file.getKey() + " of version " + meta.version() + " is missing");
            }
            contents.put(file.getKey(), content);
        }
        try {
            BundleFiles files = BundleFiles.of(contents);
            if (!files.digest().equals(meta.digest())) {
                throw new SQLException("files of version " + meta.version() + " do not hash to its digest " + meta.digest());
            }
            return files;
        } catch (PolicyBundleException e) {
            throw new SQLException("files of version " + meta.version() + " unreadable: " + e.getMessage(), e);
        }
    }

    private static PolicyVersion version(String tenantId, ResultSet rs) throws SQLException {
        return new PolicyVersion(tenantId, rs.getInt(1), optionalInt(rs, 2), VersionKind.fromWire(rs.getString(3)),
                optionalInt(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    private static Optional<Integer> optionalInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static String writeFileList(Map<String, String> fileDigests) throws SQLException {
        try {
            return JSON.writeValueAsString(fileDigests);
        } catch (JsonProcessingException e) {
            throw new SQLException("file list not serialisable", e);
        }
    }

    private static TreeMap<String, String> readFileList(String json) throws SQLException {
        try {
            return JSON.readValue(json, FILE_LIST);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored file list unreadable", e);
        }
    }
}
