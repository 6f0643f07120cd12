package dev.parapet.gateway.upstream;

import dev.parapet.gateway.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Calls OpenAI-format upstreams over one pooled JDK HTTP client. The client's own credentials are
 * never forwarded: only the upstream's configured key is sent.
 */
public final class UpstreamClient implements AutoCloseable {
    private final HttpClient http;

    public UpstreamClient(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /**
     * Posts a body to {@code <baseUrl>/<path>} and returns once the response headers arrive; the
     * caller reads and closes the body stream.
     *
     * @throws IOException on connection failure or a timeout before the headers
     */
    public HttpResponse<InputStream> post(GatewayConfig.Upstream upstream, String path, byte[] body, boolean stream)
            throws IOException, InterruptedException {
        String base = upstream.baseUrl().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(
                        (base.endsWith("/") ? base : base + "/") + path))
                .timeout(upstream.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        upstream.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    @Override
    public void close() {
        http.close();
    }
}
