package dev.parapet.gateway.events;

import dev.parapet.gateway.GatewayConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Delivers event batches to {@code POST /v1/internal/events}, authenticated with this gateway's
 * token. The batch body is built from spooled JSON lines without re-parsing them.
 */
public final class ControlPlaneClient implements AutoCloseable {

    /** What the control plane said about a batch. */
    public enum Delivery {
        /** Stored (or already stored). */
        ACCEPTED,
        /** Try again later: unreachable, overloaded, or refusing our credentials. */
        RETRY,
        /** The batch itself is invalid and will never be accepted. */
        REJECTED
    }

    private final HttpClient http;
    private final URI endpoint;
    private final String token;

    public ControlPlaneClient(GatewayConfig.ControlLink link) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.endpoint = link.resolve("/v1/internal/events");
        this.token = link.gatewayToken();
    }

    public Delivery deliver(List<String> eventJsonLines) throws InterruptedException {
        String body = "{\"events\":[" + String.join(",", eventJsonLines) + "]}";
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return Delivery.ACCEPTED;
            }
            return status == 400 || status == 413 || status == 422 ? Delivery.REJECTED : Delivery.RETRY;
        } catch (IOException e) {
            return Delivery.RETRY;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
