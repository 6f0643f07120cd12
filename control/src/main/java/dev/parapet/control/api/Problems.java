package dev.parapet.control.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.core.event.EventJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes RFC 9457 {@code application/problem+json} responses:
 * {@code {"type","title","status","detail","code"}}. Registered as the routing's error handlers,
 * so handlers only throw {@link ApiException}; any other exception becomes a 500
 * {@code internal_error} whose cause is logged, not shown.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @JsonPropertyOrder({"type", "title", "status", "detail", "code"})
    record Problem(String type, String title, int status, String detail, String code) {
    }

    private Problems() {
    }

    /** Sends the problem for {@code code} with the given detail. */
    public static void send(ServerResponse res, ErrorCode code, String detail) {
        send(res, code, detail, Map.of());
    }

    /** Sends the problem for {@code code} with the given detail and extension members. */
    public static void send(ServerResponse res, ErrorCode code, String detail, Map<String, String> extensions) {
        Problem problem = new Problem(code.type(), code.title(), code.status(), detail, code.code());
        res.status(Status.create(code.status()));
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        if (code == ErrorCode.UNAUTHORIZED) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        if (extensions.isEmpty()) {
            res.send(EventJson.writeBytes(problem));
            return;
        }
        ObjectNode body = EventJson.mapper().valueToTree(problem);
        extensions.forEach((name, value) -> {
            if (!body.has(name)) {
                body.put(name, value);
            }
        });
        res.send(EventJson.writeBytes(body));
    }

    /** Error handler for {@link ApiException}. */
    public static void handle(ServerRequest req, ServerResponse res, ApiException e) {
        LOG.atInfo().addKeyValue("method", req.prologue().method().text())
                .addKeyValue("path", req.path().path())
                .addKeyValue("status", e.code().status())
                .addKeyValue("code", e.code().code())
                .log("request refused");
        send(res, e.code(), e.detail(), e.extensions());
    }

    /** Error handler for anything unexpected: 500 without details. */
    public static void handleUnexpected(ServerRequest req, ServerResponse res, Exception e) {
        LOG.atError().addKeyValue("method", req.prologue().method().text())
                .addKeyValue("path", req.path().path())
                .setCause(e)
                .log("request failed");
        send(res, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred.");
    }
}
