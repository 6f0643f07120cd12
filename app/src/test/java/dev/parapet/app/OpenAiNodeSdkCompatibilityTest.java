package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI's official Node SDK works unchanged against the gateway: completion, stream with usage,
 * and a block surfacing as the SDK's 403 error. The SDK version is pinned in
 * {@code src/test/node/package-lock.json} and installed with {@code npm ci} (Node.js and npm must
 * be on the PATH, as they are on this project's machines).
 */
class OpenAiNodeSdkCompatibilityTest {
    private static final Path SOURCE = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "node-sdk-check");

    @TempDir
    Path dir;

    @Test
    void nodeSdkCompletesStreamsAndSeesBlocks() throws Exception {
        installSdk();
        try (StackFixture fx = new StackFixture(dir.resolve("data"))) {
            String output = run(List.of("node", "sdk-check.mjs", fx.stack.credentials().gatewayUrl() + "/v1", fx.apiKey()));
            JsonNode seen = StackFixture.JSON.readTree(output);

            assertThat(seen.get("completion").asText()).isEqualTo("hello from node");
            assertThat(seen.get("total_tokens").asInt()).isPositive();
            assertThat(seen.get("stream").asText()).isEqualTo("node streams work too");
            assertThat(seen.get("usage_chunks").asInt()).isEqualTo(1);
            assertThat(seen.at("/block/status").asInt()).isEqualTo(403);
            assertThat(seen.at("/block/code").asText()).isEqualTo("prompt_injection_detected");
            assertThat(seen.at("/block/name").asText()).isEqualTo("PermissionDeniedError");
        }
    }

    private static void installSdk() throws Exception {
        Files.createDirectories(WORK);
        for (String f : List.of("package.json", "package-lock.json", "sdk-check.mjs")) {
            Files.copy(SOURCE.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(WORK.resolve("node_modules/openai/package.json"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path errors = WORK.resolve("stderr.log");
        Process p = new ProcessBuilder(command).directory(WORK.toFile()).redirectError(errors.toFile()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " timed out");
        }
        assertThat(p.exitValue()).as("%s failed: %s", command, Files.readString(errors)).isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
