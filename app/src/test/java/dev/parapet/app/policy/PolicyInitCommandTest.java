package dev.parapet.app.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parapet policy init} through the real command line. */
class PolicyInitCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheDefaultBundleWithItsTestsAndPrintsTheDigest() throws Exception {
        Path dir = tmp.resolve("bundle");

        CommandRun r = CommandRun.of("policy", "init", dir.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        String digest = PolicyBundle.defaultFiles().digest();
        assertThat(r.out()).contains("wrote " + dir.resolve("manifest.yaml"), "wrote " + dir.resolve("tests/default.yaml"),
                "bundle digest " + digest, "next: parapet policy test " + dir).doesNotContain("note:");
        assertThat(BundleFiles.read(dir).digest()).isEqualTo(digest);
        assertThat(PolicyBundle.load(dir).digest()).isEqualTo(PolicyBundle.defaults().digest());
    }

    @Test
    void aFreshlyInitialisedBundlePassesItsTests() {
        Path dir = tmp.resolve("bundle");
        assertThat(CommandRun.of("policy", "init", dir.toString()).exit()).isZero();

        CommandRun r = CommandRun.of("policy", "test", dir.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("FAIL").contains("rules matched by some case (100.0%)");
    }

    @Test
    void refusesANonEmptyDirectoryWithoutForce() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");

        CommandRun r = CommandRun.of("policy", "init", tmp.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("parapet policy init: " + tmp + " is not empty (use --force");
        assertThat(tmp.resolve("manifest.yaml")).doesNotExist();
    }

    @Test
    void forceOverwritesTheBundleFilesAndSaysWhatElseIsThere() throws IOException {
        Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(tmp.resolve("rules/20-redaction.yaml"), "rules: []\n");
        Files.writeString(tmp.resolve("rules/90-extra.yaml"), "rules: []\n");

        CommandRun r = CommandRun.of("policy", "init", "--force", tmp.toString());

        assertThat(r.exit()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("rules/20-redaction.yaml")))
                .isEqualTo(PolicyBundle.defaultFiles().bytes("rules/20-redaction.yaml"));
        assertThat(tmp.resolve("rules/90-extra.yaml")).exists();
        assertThat(r.out()).contains("note: " + tmp + " holds other files too");
    }

    @Test
    void refusesAFileWhereTheDirectoryShouldBe() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        CommandRun r = CommandRun.of("policy", "init", file.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("exists and is not a directory");
    }
}
