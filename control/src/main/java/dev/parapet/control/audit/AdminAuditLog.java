package dev.parapet.control.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The interim administrative audit trail, table {@code admin_audit}: publishing and rolling back
 * policy versions (and, later, key changes). Records are written in the transaction of the change
 * they describe, so a change is never committed without its record; they are never updated or
 * deleted (the database refuses it). Issue #5 replaces this with the tamper-evident Merkle log.
 */
public final class AdminAuditLog {
    /** A policy bundle was published as a new version. */
    public static final String POLICY_PUBLISH = "policy.publish";
    /** An earlier version's content was published again as a new version. */
    public static final String POLICY_ROLLBACK = "policy.rollback";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() { };

    private final DataSource dataSource;

    public AdminAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes {@code entry} on {@code connection}, inside the caller's transaction. */
    public static void append(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                insert into admin_audit (tenant_id, actor, action, target, details) values (?, ?, ?, ?, ?::jsonb)""")) {
            ps.setString(1, entry.tenantId());
            ps.setString(2, entry.actor());
            ps.setString(3, entry.action());
            ps.setString(4, entry.target());
            ps.setString(5, write(entry.details()));
            ps.executeUpdate();
        }
    }

    /** The tenant's newest {@code limit} records, newest first. */
    public List<AuditRecord> newest(String tenantId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select id, actor, action, target, details::text, at from admin_audit
                where tenant_id = ? order by id desc limit ?""")) {
            ps.setString(1, tenantId);
            ps.setInt(2, limit);
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEntry entry = new AuditEntry(tenantId, rs.getString(2), rs.getString(3), rs.getString(4),
                            read(rs.getString(5)));
                    records.add(new AuditRecord(rs.getLong(1), entry, rs.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
            return records;
        }
    }

    private static String write(Map<String, Object> details) throws SQLException {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new SQLException("audit details not serialisable", e);
        }
    }

    private static Map<String, Object> read(String json) throws SQLException {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored audit details unreadable", e);
        }
    }
}
