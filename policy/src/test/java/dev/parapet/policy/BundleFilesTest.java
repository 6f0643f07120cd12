package dev.parapet.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleFilesTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void manifestListsEveryFileSortedWithItsDigestAndLeavesOutTheSignatures() throws Exception {
        write("rules/b.yaml", "b");
        write("manifest.yaml", "m");
        write(".signatures.json", "{}");

        BundleFiles files = BundleFiles.read(dir);

        assertThat(files.names()).containsExactly("manifest.yaml", "rules/b.yaml");
        assertThat(new String(files.canonicalManifest(), StandardCharsets.UTF_8)).isEqualTo(
                "62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a manifest.yaml\n"
                        + "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d rules/b.yaml\n");
        assertThat(files.digest()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void digestChangesWithAnyByteAndIsTheSameForTheSameContent() throws Exception {
        write("a.yaml", "x: 1");
        String before = BundleFiles.read(dir).digest();
        assertThat(BundleFiles.of(Map.of("a.yaml", "x: 1".getBytes(StandardCharsets.UTF_8))).digest()).isEqualTo(before);

        write("a.yaml", "x: 2");
        assertThat(BundleFiles.read(dir).digest()).isNotEqualTo(before);
    }

    @Test
    void refusesSymbolicLinksHiddenFilesAndEmptyBundles() throws Exception {
        assertThatThrownBy(() -> BundleFiles.read(dir)).isInstanceOf(PolicyBundleException.class)
                .hasMessageContaining("no files");

        write("a.yaml", "x");
        Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("a.yaml"));
        assertThatThrownBy(() -> BundleFiles.read(dir)).hasMessageContaining("symbolic link: link.yaml");

        Files.delete(dir.resolve("link.yaml"));
        write(".hidden", "x");
        assertThatThrownBy(() -> BundleFiles.read(dir)).hasMessageContaining("'.hidden' is not allowed");
    }

    @Test
    void refusesPathsThatEscapeTheBundle() {
        assertThatThrownBy(() -> BundleFiles.of(Map.of("../a.yaml", new byte[1])))
                .isInstanceOf(PolicyBundleException.class).hasMessageContaining("not allowed");
    }
}
