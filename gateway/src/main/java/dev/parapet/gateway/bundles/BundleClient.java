package dev.parapet.gateway.bundles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.gateway.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Polls {@code GET /v1/gateway/bundle?wait=N} with this gateway's token. {@code If-None-Match}
 * names the digests the gateway already has an answer for (the active bundle's, and the last one
 * it refused), so the control plane holds the poll open until something new is published and
 * answers 304 otherwise. Bodies over {@value #MAX_BODY_BYTES} bytes are not read.
 */
public final class BundleClient implements AutoCloseable {
    /** The largest bundle document read: a bundle's 16 MiB of files in base64, and room to spare. */
    public static final int MAX_BODY_BYTES = 24 * 1024 * 1024;
    private static final Duration RESPONSE_SLACK = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final JsonMapper json = JsonMapper.builder().build();

    public BundleClient(GatewayConfig.ControlLink link) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.endpoint = link.resolve("/v1/gateway/bundle");
        this.token = link.gatewayToken();
    }

    /**
     * One poll.
     *
     * @param known digests the gateway needs no copy of; empty to ask for the current bundle unconditionally
     * @param wait  how long the control plane may hold the poll open (whole seconds, 0-60)
     * @throws InterruptedException when the gateway is stopping
     */
    public Poll poll(List<String> known, Duration wait) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "?wait=" + wait.toSeconds()))
                .timeout(wait.plus(RESPONSE_SLACK))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET();
        if (!known.isEmpty()) {
            request.header("If-None-Match", known.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(", ")));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Poll.Failed(false, "unreachable: " + e.getClass().getSimpleName());
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return new Poll.NotModified();
            }
            if (status == 401 || status == 403) {
                return new Poll.Failed(true, "HTTP " + status + ": the control plane refused the gateway token");
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (status == 200) {
                if (body.length > MAX_BODY_BYTES) {
                    return new Poll.Unusable(RefusalReason.MALFORMED_RESPONSE, "the bundle document is larger than "
                            + MAX_BODY_BYTES + " bytes", Optional.empty(), OptionalLong.empty());
                }
                return BundleDocument.parse(body, response.headers().firstValue("ETag"));
            }
            if (status == 404 && "no_bundle".equals(problemCode(body))) {
                return new Poll.NoBundle();
            }
            return new Poll.Failed(false, "HTTP " + status + (status == 404 ? " (no bundle endpoint)" : ""));
        } catch (IOException e) {
            return new Poll.Failed(false, "answer cut short: " + e.getClass().getSimpleName());
        }
    }

    private String problemCode(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem != null && problem.path("code").isTextual() ? problem.get("code").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
