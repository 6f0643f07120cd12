package dev.parapet.gateway.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleStoreTest {
    private static final SigningKey KEY = SigningKey.generate();
    private final BundleAdmission admission = new BundleAdmission(List.of(KEY.trustedKey()), "t1");

    @TempDir
    Path dir;

    private static void save(BundleStore store, TestBundle bundle) throws Exception {
        BundleCandidate c = bundle.candidate();
        store.save(c.files(), c.signatures(), c.controlVersion(), "t1");
    }

    private BundleCandidate loaded(BundleStore store) {
        return ((BundleStore.Stored.Found) store.load()).candidate();
    }

    @Test
    void aSavedBundleLoadsBackWithItsSignaturesAndVerifies() throws Exception {
        BundleStore store = new BundleStore(dir);
        TestBundle bundle = TestBundle.blockingTool("t1", 7, "rm").signedBy(KEY);

        save(store, bundle);
        BundleCandidate back = loaded(store);

        assertThat(back.files().digest()).isEqualTo(bundle.digest());
        assertThat(back.claimedDigest()).contains(bundle.digest());
        assertThat(back.controlVersion()).isEqualTo(OptionalLong.of(7));
        assertThat(admission.admit(back)).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void nothingSavedIsNothing() {
        assertThat(new BundleStore(dir.resolve("absent")).load()).isInstanceOf(BundleStore.Stored.Nothing.class);
    }

    @Test
    void savingANewerBundleReplacesTheOlderAndLeavesOneDirectory() throws Exception {
        BundleStore store = new BundleStore(dir);
        save(store, TestBundle.blockingTool("t1", 1, "a").signedBy(KEY));
        TestBundle second = TestBundle.blockingTool("t1", 2, "b").signedBy(KEY);

        save(store, second);
        save(store, second);

        assertThat(loaded(store).files().digest()).isEqualTo(second.digest());
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).hasSize(2).contains("current.json");
        }
    }

    @Test
    void aFileChangedOnDiskIsRefusedNamingTheFile() throws Exception {
        BundleStore store = new BundleStore(dir);
        save(store, TestBundle.blockingTool("t1", 7, "rm").signedBy(KEY));
        Path rules;
        try (Stream<Path> walk = Files.walk(dir)) {
            rules = walk.filter(p -> p.endsWith(Path.of("rules", "10-rules.yaml"))).findFirst().orElseThrow();
        }
        Files.writeString(rules, "rules: []\n");

        Admission admission = this.admission.admit(loaded(store));

        assertThat(admission).isInstanceOfSatisfying(Admission.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.FILE_CHANGED);
            assertThat(r.detail()).contains("rules/10-rules.yaml");
        });
    }

    @Test
    void withoutKeysTheDigestInThePointerStillCatchesAChangedFile() throws Exception {
        BundleStore store = new BundleStore(dir);
        BundleFiles files = TestBundle.blockingTool("t1", 7, "rm").unsigned().candidate().files();
        store.save(files, Optional.empty(), OptionalLong.of(7), "t1");
        try (Stream<Path> walk = Files.walk(dir)) {
            Path manifest = walk.filter(p -> p.endsWith("manifest.yaml")).findFirst().orElseThrow();
            Files.writeString(manifest, Files.readString(manifest) + "message: changed\n");
        }

        Admission admission = new BundleAdmission(List.of(), "t1").admit(loaded(store));

        assertThat(admission).isInstanceOfSatisfying(Admission.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DIGEST_MISMATCH));
    }

    @Test
    void leftoversOfAnInterruptedSaveAreIgnoredAndCleanedUp() throws Exception {
        BundleStore store = new BundleStore(dir);
        TestBundle first = TestBundle.blockingTool("t1", 1, "a").signedBy(KEY);
        save(store, first);
        Files.createDirectories(dir.resolve(".incoming-crashed").resolve("rules"));
        Files.writeString(dir.resolve(".incoming-crashed").resolve("manifest.yaml"), "half");

        assertThat(loaded(store).files().digest()).isEqualTo(first.digest());
        save(store, TestBundle.blockingTool("t1", 2, "b").signedBy(KEY));
        assertThat(dir.resolve(".incoming-crashed")).doesNotExist();
    }

    @Test
    void aDamagedPointerIsUnreadableNotAnException() throws Exception {
        Files.writeString(dir.resolve("current.json"), "{\"dir\": \"../../etc\", \"digest\": \"x\"}");

        assertThat(new BundleStore(dir).load()).isInstanceOf(BundleStore.Stored.Unreadable.class);
    }
}
