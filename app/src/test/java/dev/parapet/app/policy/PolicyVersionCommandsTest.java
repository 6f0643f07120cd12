package dev.parapet.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.policy.BundleSigning;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.control.store.DatabaseSettings;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SigningKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parapet policy publish}, {@code rollback} and {@code diff} through the real command line against a real control plane. */
class PolicyVersionCommandsTest {
    private static final SigningKey PLANE_KEY = SigningKey.generate();

    @TempDir
    static Path shared;

    private static ControlDatabase db;
    private static ControlPlane plane;

    @TempDir
    Path tmp;

    private String admin;
    private Path bundle;

    @BeforeAll
    static void start() {
        db = ControlDatabase.open(new DatabaseSettings.Embedded(shared));
        plane = ControlPlane.start(ControlConfig.embedded(shared).withPort(0)
                .withBundleSigning(new BundleSigning.Key(PLANE_KEY)), db.dataSource());
    }

    @AfterAll
    static void stop() {
        plane.close();
        db.close();
    }

    @BeforeEach
    void tenantAndBundle() {
        String tenant = plane.provisioning().createTenant("cli").id();
        admin = plane.provisioning().issueAdminToken(tenant, "carol@example.com");
        bundle = tmp.resolve("bundle");
        assertThat(CommandRun.of("policy", "init", bundle.toString()).exit()).isZero();
    }

    private CommandRun publish(String... extra) {
        String[] args = new String[5 + extra.length + 1];
        String[] head = {"policy", "publish", "--control-url", plane.url(), "--token=" + admin};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        args[args.length - 1] = bundle.toString();
        return CommandRun.of(args);
    }

    private void tighten() throws IOException {
        Path rules = bundle.resolve("rules/10-injection.yaml");
        Files.writeString(rules, Files.readString(rules).replace("action: hold\n    mode: monitor", "action: hold"));
    }

    @Test
    void publishPrintsTheVersionAndDigestAndRefusesTheSameContentTwice() throws Exception {
        String digest = BundleFiles.read(bundle).digest();

        CommandRun first = publish("--reason", "start from the default");
        CommandRun again = publish();

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("published version 1: " + digest + " signed by key " + PLANE_KEY.keyId() + "\n");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).startsWith("parapet policy publish: refused by the control plane (409 no_change): "
                + "The current version 1 already holds this content");
    }

    @Test
    void publishSendsTheAuthorsSignaturesAlong() throws Exception {
        Path keys = tmp.resolve("keys");
        assertThat(CommandRun.of("keys", "generate", "--out", keys.toString()).exit()).isZero();
        assertThat(CommandRun.of("policy", "sign", "--key", keys.resolve("private.pem").toString(), bundle.toString()).exit())
                .isZero();
        String authorKey = PemKeys.readTrustedKey(keys.resolve("public.pem")).keyId();

        CommandRun r = publish();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("signed by key " + PLANE_KEY.keyId() + "; also signed by " + authorKey + "\n");
    }

    @Test
    void anInvalidBundleIsRefusedWithTheControlPlanesDetail() throws Exception {
        Files.writeString(bundle.resolve("rules/10-injection.yaml"), "rules:\n  - id: x\n    when: 'true'\n    action: explode\n");

        CommandRun r = publish();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("parapet policy publish: refused by the control plane (400 invalid_bundle): "
                + "rules/10-injection.yaml: ");
    }

    @Test
    void diffShowsTheChangedRuleAndRollbackRestoresTheOldContentAsANewVersion() throws Exception {
        String v1 = BundleFiles.read(bundle).digest();
        assertThat(publish().exit()).isZero();
        tighten();
        CommandRun second = publish("--reason", "hold suspected injections");
        assertThat(second.out()).startsWith("published version 2 (parent 1): ");

        CommandRun diff = CommandRun.of("policy", "diff", "--control-url", plane.url(), "--token", admin, "1", "2");
        CommandRun rollback = CommandRun.of("policy", "rollback", "--control-url", plane.url(), "--token", admin,
                "--version", "1", "--reason", "holds broke the support bot");

        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).startsWith("version 1 → 2 (" + v1 + " → ")
                .contains("files:\n  ~ rules/10-injection.yaml\n")
                .contains("rules:\n  ~ hold-suspected-injection: mode: \"monitor\" → (absent)\n")
                .doesNotContain("manifest:");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.out()).isEqualTo("rolled back to version 1 as version 3 (parent 2): " + v1
                + " signed by key " + PLANE_KEY.keyId() + "\n");
        CommandRun json = CommandRun.of("policy", "diff", "--control-url", plane.url(), "--token", admin, "--json", "1", "3");
        assertThat(json.out()).contains("\"added\" : [ ]");
        assertThat(CommandRun.of("policy", "diff", "--control-url", plane.url(), "--token", admin, "1", "3").out())
                .endsWith("no differences: both versions hold the same files\n");
    }

    @Test
    void refusalsExitOneWithTheProblem() {
        CommandRun unknown = CommandRun.of("policy", "rollback", "--control-url", plane.url(), "--token", admin,
                "--version", "9", "--reason", "x");
        CommandRun badToken = CommandRun.of("policy", "diff", "--control-url", plane.url(), "--token", "pat_nope", "1", "2");

        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("(404 not_found): There is no version 9.");
        assertThat(badToken.exit()).isEqualTo(1);
        assertThat(badToken.err()).contains("(401 unauthorized)");
    }

    @Test
    void anUnreachableControlPlaneExitsOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        CommandRun r = CommandRun.of("policy", "publish", "--control-url", "http://127.0.0.1:" + closedPort,
                "--token", admin, bundle.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot connect to http://127.0.0.1:" + closedPort);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(CommandRun.of("policy", "publish", "--control-url", "ftp://x", "--token", admin, bundle.toString()).exit())
                .isEqualTo(2);
        CommandRun missing = CommandRun.of("policy", "publish", "--control-url", plane.url(), "--token", admin,
                tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a bundle directory");
        assertThat(CommandRun.of("policy", "rollback", "--control-url", plane.url(), "--token", admin, "--version", "1")
                .exit()).isEqualTo(2);
        assertThat(CommandRun.of("policy", "publish", "--token", admin, bundle.toString()).exit()).isEqualTo(2);
        assertThat(CommandRun.of("policy", "diff", "--control-url", plane.url(), "--token", admin, "one", "2").exit())
                .isEqualTo(2);
    }
}
