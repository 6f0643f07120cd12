package dev.parapet.policy;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultBundleFilesTest {

    @Test
    void theIndexListsEveryFileOfTheResourceDirectory() throws Exception {
        Path dir = resourceDirectory();
        try (Stream<Path> walk = Files.walk(dir)) {
            assertThat(walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted())
                    .containsExactlyElementsOf(PolicyBundle.defaultFiles().names());
        }
    }

    @Test
    void defaultsIsTheDirectoryOfTheResourceFiles() throws Exception {
        PolicyBundle bundle = PolicyBundle.defaults();

        assertThat(bundle.digest()).isEqualTo(PolicyBundle.defaultFiles().digest())
                .isEqualTo(PolicyBundle.load(resourceDirectory()).digest());
        assertThat(bundle.name()).isEqualTo("default");
        assertThat(bundle.manifest().parentVersion()).contains("3");
        assertThat(PolicyBundle.defaultFiles().names()).contains("tests/default.yaml");
    }

    private static Path resourceDirectory() throws URISyntaxException {
        return Path.of(DefaultBundle.class.getResource(DefaultBundle.DIRECTORY).toURI());
    }
}
