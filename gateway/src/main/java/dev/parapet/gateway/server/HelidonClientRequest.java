package dev.parapet.gateway.server;

import dev.parapet.gateway.pipeline.ClientRequest;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** A Helidon request seen as a {@link ClientRequest}. */
final class HelidonClientRequest implements ClientRequest {
    private final ServerRequest request;

    HelidonClientRequest(ServerRequest request) {
        this.request = request;
    }

    @Override
    public Optional<String> header(String name) {
        return request.headers().first(HeaderNames.create(name));
    }

    @Override
    public OptionalLong contentLength() {
        return request.headers().contentLength();
    }

    @Override
    public InputStream body() {
        return request.content().inputStream();
    }
}
