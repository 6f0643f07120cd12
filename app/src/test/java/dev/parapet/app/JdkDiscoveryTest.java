package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .mvn/find-jdk.sh}, which {@code ./mvnw} and {@code ./parapet} source: it finds a JDK 25
 * without help, and where there is none it stops and names what to install.
 */
class JdkDiscoveryTest {
    private static final Path SCRIPT = Path.of("..", ".mvn", "find-jdk.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** A PATH with only the tools the script uses, so no system javac is found by accident. */
    private Path tools() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("ls", "sort", "sed", "head", "dirname", "readlink")) {
            for (String root : List.of("/usr/bin/", "/bin/")) {
                Path real = Path.of(root + tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        return bin;
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result run(String jdkRoots) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", ". \"$0\"; echo \"$JAVA_HOME\"", SCRIPT.toString());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", tools().toString());
        env.put("HOME", dir.toString());
        env.put("JDK_ROOTS", jdkRoots);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void findsAJdk25UnderTheSearchRoots() throws Exception {
        Path runningJdk = Path.of(System.getProperty("java.home")); // the tests run on JDK 25

        Result r = run(runningJdk.toString());

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo(runningJdk.toString());
    }

    @Test
    void withoutAJdk25ItStopsAndNamesWhatToInstall() throws Exception {
        Result r = run(dir.resolve("no-jdks-here").toString() + "/*");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("needs a JDK 25").contains("Temurin 25").contains("JAVA_HOME");
    }
}
