package dev.parapet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One chat-completions endpoint the harness measures, with its own HTTP/1.1 client so that the two
 * targets never share a connection pool.
 *
 * @param name    {@code direct} or {@code gateway}, as in the report
 * @param chatUrl the full {@code …/chat/completions} URL
 * @param bearer  the API key sent as {@code Authorization: Bearer}, if the target needs one
 * @param client  the client used for this target only
 */
record Target(String name, URI chatUrl, Optional<String> bearer, HttpClient client) {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The answer to one request: status (or -1 when the exchange failed), time to the last byte, body. */
    record Outcome(int status, long nanos, byte[] body, String failure) {
    }

    static Target of(String name, URI chatUrl, Optional<String> bearer) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new Target(name, chatUrl, bearer, client);
    }

    /** Joins a base URL ending in {@code /v1} (with or without a trailing slash) and {@code chat/completions}. */
    static URI chatUrl(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/chat/completions");
    }

    /** Sends {@code body} and reads the whole response, streamed or not; never throws for I/O failures. */
    Outcome send(byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(chatUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        bearer.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpRequest built = request.build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(response.statusCode(), System.nanoTime() - start, response.body(), null);
        } catch (IOException e) {
            return new Outcome(-1, System.nanoTime() - start, new byte[0], e.getClass().getSimpleName());
        }
    }

    void close() {
        client.close();
    }
}
