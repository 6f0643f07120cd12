package dev.parapet.app.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * The control plane's policy API as the {@code parapet policy} commands call it: JSON over the
 * JDK HTTP client with an admin token. Every call returns an {@link Answer}; nothing throws for
 * a refusal or an unreachable server.
 */
final class ControlClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient http;

    private ControlClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * A client of the control plane at {@code url} (http or https, e.g. {@code http://127.0.0.1:8081}).
     *
     * @throws IllegalArgumentException naming what is wrong with the URL or the token
     */
    static ControlClient of(String url, String token) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--control-url '" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("--control-url '" + url + "' must be an http:// or https:// URL");
        }
        if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("--token must be an admin token (pat_…)");
        }
        return new ControlClient(uri, token);
    }

    /** What the control plane answered, or why it could not be asked. */
    sealed interface Answer {
        /** A 2xx answer with its JSON body. */
        record Ok(int status, JsonNode body) implements Answer {
        }

        /** A refusal: a problem's code and detail, or the bare status for an answer that is not a problem. */
        record Refused(int status, String code, String detail) implements Answer {
        }

        /** The request did not get an answer. */
        record Unreachable(String message) implements Answer {
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer post(String path, byte[] json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            return new Answer.Unreachable("cannot connect to " + base);
        } catch (HttpTimeoutException e) {
            return new Answer.Unreachable("no answer from " + base + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Answer.Unreachable("request to " + base + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unreachable("interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null) {
            return new Answer.Ok(status, body);
        }
        if (body != null && body.path("code").isTextual()) {
            return new Answer.Refused(status, body.get("code").asText(), body.path("detail").asText(""));
        }
        return new Answer.Refused(status, "http_" + status, "unexpected answer from " + base + ": HTTP " + status);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
