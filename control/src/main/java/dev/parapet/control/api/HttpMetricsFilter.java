package dev.parapet.control.api;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http_server_requests_seconds} tagged by method, route pattern
 * (never the raw path, so cardinality stays bounded; {@code unmatched} for unknown paths) and
 * status. Recorded when the response has been sent, so error responses count with their status.
 */
public final class HttpMetricsFilter implements Filter {
    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        res.whenSent(() -> Timer.builder("http.server.requests")
                .description("HTTP requests served by the control plane")
                .tag("method", req.prologue().method().text())
                .tag("route", route(req))
                .tag("status", Integer.toString(res.status().code()))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        chain.proceed();
    }

    private static String route(RoutingRequest req) {
        return req.matchingPattern().filter(p -> !p.isEmpty() && !p.equals("/*")).orElse("unmatched");
    }
}
