package dev.parapet.control.api;

import dev.parapet.core.event.EventJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Sends JSON bodies written with the shared event mapper (snake_case, ISO-8601 timestamps). */
final class JsonResponses {
    static final String MEDIA_TYPE = "application/json";

    private JsonResponses() {
    }

    static void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(EventJson.writeBytes(body));
    }
}
