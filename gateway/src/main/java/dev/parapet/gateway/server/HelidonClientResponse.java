package dev.parapet.gateway.server;

import dev.parapet.gateway.pipeline.ClientResponse;
import io.helidon.webserver.http.ServerResponse;
import java.io.OutputStream;
import java.util.Map;

/** A Helidon response seen as a {@link ClientResponse}. */
final class HelidonClientResponse implements ClientResponse {
    private final ServerResponse response;
    private boolean committed;

    HelidonClientResponse(ServerResponse response) {
        this.response = response;
    }

    @Override
    public void send(int status, Map<String, String> headers, byte[] body) {
        start(status, headers);
        response.send(body);
    }

    @Override
    public OutputStream stream(int status, Map<String, String> headers) {
        start(status, headers);
        response.header("Cache-Control", "no-cache");
        return response.outputStream();
    }

    private void start(int status, Map<String, String> headers) {
        if (committed) {
            throw new IllegalStateException("response already started");
        }
        committed = true;
        response.status(status);
        headers.forEach((name, value) -> response.header(name, value));
    }

    @Override
    public boolean committed() {
        return committed;
    }
}
