package dev.parapet.control.store;

import dev.parapet.core.event.DecisionEvent;
import dev.parapet.core.event.EventJson;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Decision events per tenant. Writes are idempotent on {@code event_id}, so a gateway may
 * redeliver a batch after a lost acknowledgement. Reads are keyset-paginated on
 * {@code (ts, event_id)} descending.
 */
public final class EventStore {
    private static final String INSERT = """
            insert into events (event_id, tenant_id, ts, decision, reason_codes, payload)
            values (?, ?, ?, ?, ?, ?::jsonb)
            on conflict (event_id) do nothing""";

    private final DataSource dataSource;

    public EventStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the events of one tenant in one transaction, skipping ids already stored.
     *
     * @param eventIds the parsed {@code event_id} of each event, in the same order
     * @return how many events were new
     * @throws IllegalArgumentException if an event belongs to another tenant
     */
    public int insert(String tenantId, List<DecisionEvent> events, List<UUID> eventIds) throws SQLException {
        if (events.size() != eventIds.size()) {
            throw new IllegalArgumentException("one id per event expected");
        }
        if (events.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < events.size(); i++) {
                    DecisionEvent e = events.get(i);
                    if (!e.tenantId().equals(tenantId)) {
                        throw new IllegalArgumentException("event of another tenant");
                    }
                    Array reasons = c.createArrayOf("text", e.reasonCodes().toArray());
                    ps.setObject(1, eventIds.get(i));
                    ps.setString(2, tenantId);
                    ps.setObject(3, OffsetDateTime.ofInstant(e.ts(), ZoneOffset.UTC));
                    ps.setString(4, e.decision());
                    ps.setArray(5, reasons);
                    ps.setString(6, EventJson.write(e));
                    ps.addBatch();
                }
                int inserted = 0;
                for (int n : ps.executeBatch()) {
                    inserted += n > 0 ? 1 : 0;
                }
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        }
    }

    /** One page of the tenant's events matching the query, newest first. */
    public EventPage page(String tenantId, EventQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("select payload::text, ts, event_id from events where tenant_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        query.decision().ifPresent(d -> {
            sql.append(" and decision = ?");
            params.add(d);
        });
        query.reasonCode().ifPresent(rc -> {
            sql.append(" and reason_codes @> array[?]::text[]");
            params.add(rc);
        });
        query.after().ifPresent(cursor -> {
            sql.append(" and (ts, event_id) < (?, ?)");
            params.add(OffsetDateTime.ofInstant(cursor.ts(), ZoneOffset.UTC));
            params.add(cursor.eventId());
        });
        sql.append(" order by ts desc, event_id desc limit ?");
        params.add(query.limit() + 1);

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<DecisionEvent> items = new ArrayList<>();
            EventCursor last = null;
            boolean more = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    items.add(parse(rs.getString(1)));
                    Instant ts = rs.getObject(2, OffsetDateTime.class).toInstant();
                    last = new EventCursor(ts, rs.getObject(3, UUID.class));
                }
            }
            return new EventPage(items, more ? Optional.of(last) : Optional.empty());
        }
    }

    /**
     * The tenant's events from {@code since} on, oldest first, at most {@code limit} of them (a
     * bounded read for simulations).
     */
    public List<DecisionEvent> since(String tenantId, Instant since, int limit) throws SQLException {
        String sql = "select payload::text from events where tenant_id = ? and ts >= ? order by ts, event_id limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            ps.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            ps.setInt(3, limit);
            List<DecisionEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(parse(rs.getString(1)));
                }
            }
            return events;
        }
    }

    private static DecisionEvent parse(String payload) throws SQLException {
        try {
            return EventJson.readEvent(payload);
        } catch (IOException e) {
            throw new SQLException("stored event payload unreadable", e);
        }
    }
}
