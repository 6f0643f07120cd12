package dev.parapet.control.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parapet.control.TestBundles;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.audit.AdminAuditLog;
import dev.parapet.control.audit.AuditRecord;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.control.store.Migrations;
import dev.parapet.core.Ids;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.BundleSignature;
import dev.parapet.policy.signing.SigningKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PolicyVersionStore} against real PostgreSQL: numbering, immutability, tenant isolation. */
class PolicyVersionStoreTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static ControlDatabase db;
    private static PolicyVersionStore store;
    private static Provisioning provisioning;

    private String tenant;

    @BeforeAll
    static void database() {
        db = TestDatabase.openPool();
        Migrations.migrate(db.dataSource());
        store = new PolicyVersionStore(db.dataSource());
        provisioning = new Provisioning(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void freshTenant() {
        tenant = provisioning.createTenant("store test").id();
    }

    private static NewVersion publish(String tenantId, BundleFiles files, String reason) {
        return new NewVersion(tenantId, VersionKind.PUBLISH, Optional.empty(), files,
                List.of(BundleSignature.create(files, KEY, Instant.now())), KEY.keyId(), "alice", reason);
    }

    private static BundleFiles files(String version, int threshold) throws Exception {
        return BundleFiles.of(TestBundles.bundle(version, threshold));
    }

    private static PolicyVersion appended(AppendResult result) {
        assertThat(result).isInstanceOf(AppendResult.Appended.class);
        return ((AppendResult.Appended) result).version();
    }

    @Test
    void versionsAreNumberedFromOnePerTenantEachNamingTheHeadItReplaced() throws Exception {
        PolicyVersion first = appended(store.append(publish(tenant, files("1", 80), "first")));
        PolicyVersion second = appended(store.append(publish(tenant, files("2", 70), "second")));
        String other = provisioning.createTenant("other").id();
        PolicyVersion otherFirst = appended(store.append(publish(other, files("1", 80), "theirs")));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.parentVersion()).isEmpty();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.parentVersion()).contains(1);
        assertThat(otherFirst.version()).isEqualTo(1);
        assertThat(store.head(tenant)).contains(new Head(2, second.digest()));
    }

    @Test
    void loadReturnsTheFilesAndSignaturesExactlyAsStored() throws Exception {
        BundleFiles files = files("1", 80);
        PolicyVersion v = appended(store.append(publish(tenant, files, "first")));

        StoredBundle loaded = store.load(tenant, v.version()).orElseThrow();

        assertThat(loaded.version()).isEqualTo(v);
        assertThat(loaded.files().digest()).isEqualTo(files.digest());
        assertThat(loaded.files().names()).containsExactly("manifest.yaml", "rules/10-risk.yaml");
        assertThat(loaded.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyId()).isEqualTo(KEY.keyId());
            assertThat(s.covers(files)).isTrue();
        });
    }

    @Test
    void appendingTheHeadsContentAgainStoresNothing() throws Exception {
        BundleFiles files = files("1", 80);
        appended(store.append(publish(tenant, files, "first")));

        AppendResult again = store.append(publish(tenant, files, "again"));

        assertThat(again).isEqualTo(new AppendResult.Unchanged(new Head(1, files.digest())));
        assertThat(store.page(tenant, 10, Optional.empty()).items()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "update policy_versions set reason = 'rewritten' where tenant_id = '%s'",
        "delete from policy_versions where tenant_id = '%s'",
        "truncate policy_versions cascade",
        "update policy_blobs set content = 'x' where tenant_id = '%s'",
        "delete from policy_blobs where tenant_id = '%s'",
        "update admin_audit set actor = 'mallory' where tenant_id = '%s'",
        "delete from admin_audit where tenant_id = '%s'",
        "truncate admin_audit"
    })
    void theDatabaseRefusesToRewriteHistory(String sql) throws Exception {
        PolicyVersion v = appended(store.append(publish(tenant, files("1", 80), "first")));

        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute(sql.formatted(tenant)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("is append-only");
        }

        assertThat(store.find(tenant, 1)).contains(v);
        assertThat(store.load(tenant, 1).orElseThrow().files().digest()).isEqualTo(v.digest());
        assertThat(new AdminAuditLog(db.dataSource()).newest(tenant, 10)).hasSize(1);
    }

    @Test
    void oneTenantCannotSeeAnothersVersions() throws Exception {
        String other = provisioning.createTenant("other").id();
        appended(store.append(publish(other, files("1", 80), "theirs")));
        appended(store.append(publish(other, files("2", 70), "theirs")));

        assertThat(store.head(tenant)).isEmpty();
        assertThat(store.find(tenant, 1)).isEmpty();
        assertThat(store.load(tenant, 2)).isEmpty();
        assertThat(store.page(tenant, 10, Optional.empty()).items()).isEmpty();
        assertThat(new AdminAuditLog(db.dataSource()).newest(tenant, 10)).isEmpty();
    }

    @Test
    void eachAppendWritesItsAuditRecordInTheSameTransaction() throws Exception {
        PolicyVersion v = appended(store.append(publish(tenant, files("1", 80), "because")));

        List<AuditRecord> audit = new AdminAuditLog(db.dataSource()).newest(tenant, 10);

        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.entry().actor()).isEqualTo("alice");
            assertThat(r.entry().action()).isEqualTo(AdminAuditLog.POLICY_PUBLISH);
            assertThat(r.entry().target()).isEqualTo("policy_version:1");
            assertThat(r.entry().details()).containsEntry("version", 1).containsEntry("digest", v.digest())
                    .containsEntry("reason", "because").containsEntry("key_id", KEY.keyId());
        });
    }

    @Test
    void concurrentPublishesOfOneTenantFormOneChain() throws Exception {
        int n = 8;
        List<Future<AppendResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                BundleFiles f = files("c" + i, 10 + i);
                results.add(pool.submit(() -> store.append(publish(tenant, f, "race"))));
            }
        }
        for (Future<AppendResult> r : results) {
            appended(r.get());
        }

        List<PolicyVersion> versions = store.page(tenant, 100, Optional.empty()).items();

        assertThat(versions).extracting(PolicyVersion::version).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        for (PolicyVersion v : versions) {
            assertThat(v.parentVersion()).isEqualTo(v.version() == 1 ? Optional.empty() : Optional.of(v.version() - 1));
        }
    }

    @Test
    void pagesRunNewestFirstWithACursor() throws Exception {
        for (int i = 1; i <= 5; i++) {
            appended(store.append(publish(tenant, files(Integer.toString(i), 50 + i), "v" + i)));
        }

        VersionPage first = store.page(tenant, 2, Optional.empty());
        VersionPage second = store.page(tenant, 2, first.next());
        VersionPage last = store.page(tenant, 2, second.next());

        assertThat(first.items()).extracting(PolicyVersion::version).containsExactly(5, 4);
        assertThat(first.current()).contains(5);
        assertThat(second.items()).extracting(PolicyVersion::version).containsExactly(3, 2);
        assertThat(last.items()).extracting(PolicyVersion::version).containsExactly(1);
        assertThat(last.next()).isEmpty();
    }

    @Test
    void aRollbackRepeatsContentWithoutStoringItTwice() throws Exception {
        BundleFiles one = files("1", 80);
        appended(store.append(publish(tenant, one, "first")));
        appended(store.append(publish(tenant, files("2", 70), "second")));
        long blobsBefore = blobCount();

        PolicyVersion rolled = appended(store.append(new NewVersion(tenant, VersionKind.ROLLBACK, Optional.of(1), one,
                List.of(BundleSignature.create(one, KEY, Instant.now())), KEY.keyId(), "bob", "undo")));

        assertThat(rolled.version()).isEqualTo(3);
        assertThat(rolled.parentVersion()).contains(2);
        assertThat(rolled.rollbackOf()).contains(1);
        assertThat(rolled.digest()).isEqualTo(one.digest());
        assertThat(blobCount()).isEqualTo(blobsBefore);
        assertThat(new AdminAuditLog(db.dataSource()).newest(tenant, 1).getFirst().entry().action())
                .isEqualTo(AdminAuditLog.POLICY_ROLLBACK);
    }

    @Test
    void anUnknownTenantIsRefused() throws Exception {
        String ghost = Ids.newId().toString();
        assertThatThrownBy(() -> store.append(publish(ghost, files("1", 80), "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long blobCount() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); var ps = c.prepareStatement(
                "select count(*) from policy_blobs where tenant_id = ?")) {
            ps.setString(1, tenant);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
