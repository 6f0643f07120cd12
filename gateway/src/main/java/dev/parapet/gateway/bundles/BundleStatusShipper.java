package dev.parapet.gateway.bundles;

import dev.parapet.gateway.GatewayConfig;
import dev.parapet.gateway.events.ControlPlaneClient.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the {@link BundleStatusOutbox} to {@code POST /v1/gateway/bundle-status} on a virtual
 * thread, oldest first, as soon as a report is written. A report is deleted once the control plane
 * answers 2xx, set aside in {@code rejected/} on 400, 413 or 422, and otherwise kept and retried
 * with backoff (1 s doubling to 60 s), so a control plane that is away, or does not know the
 * endpoint yet, loses nothing.
 */
public final class BundleStatusShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BundleStatusShipper.class);
    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final BundleStatusOutbox outbox;
    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean failing;

    public BundleStatusShipper(BundleStatusOutbox outbox, GatewayConfig.ControlLink link) {
        this.outbox = outbox;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        this.endpoint = link.resolve("/v1/gateway/bundle-status");
        this.token = link.gatewayToken();
        this.thread = Thread.ofVirtual().name("parapet-bundle-status").unstarted(this::loop);
    }

    public BundleStatusShipper start() {
        thread.start();
        return this;
    }

    private void loop() {
        Duration backoff = Duration.ofSeconds(1);
        while (running) {
            try {
                long seen = outbox.enqueuedCount();
                if (shipOnce()) {
                    backoff = Duration.ofSeconds(1);
                    outbox.awaitReportAfter(seen, IDLE);
                } else {
                    Thread.sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) < 0 ? backoff.multipliedBy(2) : MAX_BACKOFF;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Delivers every pending report; true when none is left. */
    synchronized boolean shipOnce() throws InterruptedException {
        try {
            for (Path report : outbox.pending()) {
                switch (deliver(outbox.read(report))) {
                    case ACCEPTED -> outbox.delivered(report);
                    case REJECTED -> {
                        LOG.error("control plane rejected bundle status report {} as invalid; moved to rejected/",
                                report.getFileName());
                        outbox.rejected(report);
                    }
                    case RETRY -> {
                        return false;
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("bundle status outbox unreadable: {}", e.toString());
            return false;
        }
        if (failing) {
            LOG.info("bundle status reports delivered to the control plane again");
            failing = false;
        }
        return true;
    }

    private Delivery deliver(byte[] body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return retry("unreachable: " + e.getClass().getSimpleName());
        }
        if (status / 100 == 2) {
            return Delivery.ACCEPTED;
        }
        return status == 400 || status == 413 || status == 422 ? Delivery.REJECTED : retry("HTTP " + status);
    }

    private Delivery retry(String why) {
        if (!failing) {
            LOG.warn("bundle status reports kept in the outbox: {}; retrying", why);
            failing = true;
        }
        return Delivery.RETRY;
    }

    /** Stops the loop after one last attempt to deliver what is pending. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
            shipOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }
}
