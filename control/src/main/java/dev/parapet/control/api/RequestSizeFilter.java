package dev.parapet.control.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;

/**
 * Refuses, before any handler runs, a request whose declared {@code Content-Length} exceeds the
 * limit (413 {@code payload_too_large}). Bodies without a length (chunked) are bounded where they
 * are read.
 */
public final class RequestSizeFilter implements Filter {
    private final long maxBodyBytes;

    public RequestSizeFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<String> length = req.headers().first(HeaderNames.CONTENT_LENGTH);
        if (length.isPresent() && exceeds(length.get())) {
            Problems.send(res, ErrorCode.PAYLOAD_TOO_LARGE, "The body exceeds " + maxBodyBytes + " bytes.");
            return;
        }
        chain.proceed();
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
