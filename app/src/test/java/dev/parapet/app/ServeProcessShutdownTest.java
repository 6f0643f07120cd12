package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.app.demo.DemoCredentials;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parapet serve --demo} as a real process: SIGTERM (what Ctrl-C turns into at shutdown)
 * lets an in-flight stream finish and delivers every event before the database stops.
 */
class ServeProcessShutdownTest {
    @TempDir
    Path dir;

    @Test
    void terminationFinishesInFlightStreamsAndDeliversEveryEvent() throws Exception {
        Path data = dir.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--demo", "--data-dir", data.toString(), "--gateway-port", "0", "--control-port", "0")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        pb.environment().put("PARAPET_DEMO_CHUNK_DELAY_MS", "40");
        pb.environment().put("PARAPET_GATEWAY_EVENTS_FLUSH_INTERVAL_MS", "600000"); // only shutdown delivers
        Process serve = pb.start();
        try {
            DemoCredentials creds = awaitCredentials(data, serve);
            HttpClient http = HttpClient.newHttpClient();
            CountDownLatch firstChunk = new CountDownLatch(1);
            CompletableFuture<List<String>> stream = CompletableFuture.supplyAsync(() -> readStream(http, creds, firstChunk));
            assertThat(firstChunk.await(20, TimeUnit.SECONDS)).isTrue();

            serve.destroy(); // SIGTERM while the stream is mid-way

            List<String> events = stream.get(30, TimeUnit.SECONDS);
            assertThat(events.getLast()).isEqualTo("[DONE]");
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(dir.resolve("serve.log"));
            assertThat(log).contains("Parapet stopped.").contains("0 events pending in the spool");
            try (Stream<Path> spooled = Files.list(data.resolve("spool"))) {
                assertThat(spooled.filter(p -> p.toString().endsWith(".jsonl"))).isEmpty();
            }
        } finally {
            serve.destroyForcibly();
        }
    }

    private static DemoCredentials awaitCredentials(Path data, Process serve) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && serve.isAlive()) {
            Optional<DemoCredentials> c = DemoCredentials.read(data);
            if (c.isPresent()) {
                return c.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("parapet serve did not write its credentials");
    }

    private static List<String> readStream(HttpClient http, DemoCredentials creds, CountDownLatch firstChunk) {
        String words = "Please summarise the meeting notes: the team agreed to ship the new checkout flow next week, "
                + "move the load tests to Tuesday, review the database migration plan with operations, and send "
                + "the customer survey results to marketing before the quarterly planning session on Thursday.";
        HttpRequest req = HttpRequest.newBuilder(URI.create(creds.gatewayUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + creds.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"parapet-echo\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + words + "\"}]}"))
                .build();
        try {
            HttpResponse<java.io.InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            List<String> data = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        data.add(line.substring(6));
                        firstChunk.countDown();
                    }
                }
            }
            return data;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
