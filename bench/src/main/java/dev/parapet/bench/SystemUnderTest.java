package dev.parapet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.app.LocalStack;
import dev.parapet.app.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gateway and the demo upstream a load run measures: either a {@link LocalStack} started in a
 * temporary directory on free ports, with streaming chunks sent without delay, or an already
 * running {@code parapet serve --demo} named by its {@code demo-credentials.json}.
 */
final class SystemUnderTest implements AutoCloseable {
    private final String gatewayUrl;
    private final String apiKey;
    private final String upstreamBaseUrl;
    private final LocalStack stack;
    private final Path tempDir;

    private SystemUnderTest(String gatewayUrl, String apiKey, String upstreamBaseUrl, LocalStack stack, Path tempDir) {
        this.gatewayUrl = gatewayUrl;
        this.apiKey = apiKey;
        this.upstreamBaseUrl = upstreamBaseUrl;
        this.stack = stack;
        this.tempDir = tempDir;
    }

    /** Starts the whole demo stack in this process; {@link #close} stops it and deletes its data. */
    static SystemUnderTest startLocal() throws IOException {
        Path dir = Files.createTempDirectory("parapet-bench-");
        Map<String, String> flags = Map.of(
                "data_dir", dir.toString(),
                "gateway.port", "0",
                "control.port", "0",
                "demo.upstream_port", "0",
                "demo.chunk_delay_ms", "0");
        LocalStack stack;
        try {
            stack = LocalStack.startDemo(Settings.load(Optional.empty(), System.getenv(), flags));
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        return new SystemUnderTest(stack.credentials().gatewayUrl(), stack.credentials().apiKey(),
                stack.upstream().baseUrl(), stack, dir);
    }

    /**
     * Targets a running demo.
     *
     * @param credentialsFile its {@code demo-credentials.json} ({@code gateway_url}, {@code api_key}, ...)
     * @param upstreamBaseUrl the demo upstream's base URL ending in {@code /v1}, as the banner shows it
     */
    static SystemUnderTest external(Path credentialsFile, String upstreamBaseUrl) throws IOException {
        JsonNode c = JsonMapper.builder().build().readTree(credentialsFile.toFile());
        String gatewayUrl = c == null ? "" : c.path("gateway_url").asText("");
        String apiKey = c == null ? "" : c.path("api_key").asText("");
        if (gatewayUrl.isBlank() || apiKey.isBlank()) {
            throw new IllegalArgumentException(credentialsFile + ": expected a JSON object with gateway_url and api_key");
        }
        return new SystemUnderTest(gatewayUrl, apiKey, upstreamBaseUrl, null, null);
    }

    /** The gateway's OpenAI-compatible base URL, ending in {@code /v1}. */
    String gatewayBaseUrl() {
        return gatewayUrl.endsWith("/") ? gatewayUrl + "v1" : gatewayUrl + "/v1";
    }

    String apiKey() {
        return apiKey;
    }

    String upstreamBaseUrl() {
        return upstreamBaseUrl;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
        if (tempDir != null) {
            deleteTree(tempDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
