package dev.parapet.gateway.stage;

import dev.parapet.core.ReasonCode;
import dev.parapet.gateway.GatewayConfig;
import dev.parapet.gateway.openai.ChatAnswerRestorer;
import dev.parapet.gateway.openai.OpenAiErrorBody;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import dev.parapet.gateway.upstream.UpstreamClient;
import dev.parapet.gateway.upstream.UpstreamRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: sends the (possibly redacted) request to the upstream serving the model and
 * relays the answer. A JSON answer is relayed byte for byte; a stream is relayed chunk by chunk as
 * it arrives, never buffered. When the request carried reversible tokens, they are swapped back
 * for their values in the answer (in streams, event by event). Upstream failures become typed refusals; an upstream's own error
 * body never reaches the client.
 */
public final class ForwardStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardStage.class);
    private final UpstreamRouter router;
    private final UpstreamClient client;
    private final OpenAiErrorBody errors;
    private final ChatAnswerRestorer restorer;

    public ForwardStage(UpstreamRouter router, UpstreamClient client, OpenAiErrorBody errors, ChatAnswerRestorer restorer) {
        this.router = router;
        this.client = client;
        this.errors = errors;
        this.restorer = restorer;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        String model = exchange.interaction().model();
        Optional<GatewayConfig.Upstream> upstream = router.route(model);
        if (upstream.isEmpty()) {
            return Outcome.Refused.of(ReasonCode.UNKNOWN_MODEL, "No upstream serves model '" + safe(model) + "'.");
        }
        boolean stream = exchange.interaction().stream();
        long sent = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.post(upstream.get(), "chat/completions", exchange.forwardBody(), stream);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return unavailable(exchange, upstream.get(), sent, e);
        } catch (HttpTimeoutException e) {
            exchange.addUpstreamNanos(System.nanoTime() - sent);
            return Outcome.Refused.of(ReasonCode.UPSTREAM_TIMEOUT, "The upstream provider did not answer in time.");
        } catch (IOException e) {
            return unavailable(exchange, upstream.get(), sent, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(exchange, upstream.get(), sent, e);
        }
        exchange.upstreamHeadersMillis((System.nanoTime() - sent) / 1_000_000);
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                body.readNBytes(64 * 1024);
                exchange.addUpstreamNanos(System.nanoTime() - sent);
                return upstreamRejected(response.statusCode());
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
            Map<String, String> headers = Map.of("Content-Type", contentType,
                    "x-parapet-decision-id", exchange.decisionId());
            if (stream && contentType.startsWith("text/event-stream")) {
                return relayStream(exchange, body, headers, response.statusCode(), sent);
            }
            byte[] bytes = body.readAllBytes();
            exchange.addUpstreamNanos(System.nanoTime() - sent);
            if (exchange.tokens() != null) {
                bytes = restorer.restoreCompletion(bytes, exchange.tokens());
            }
            exchange.response().send(response.statusCode(), headers, bytes);
            return new Outcome.Delivered(response.statusCode());
        } catch (IOException e) {
            exchange.addUpstreamNanos(System.nanoTime() - sent);
            return Outcome.Refused.of(ReasonCode.UPSTREAM_ERROR, "The upstream provider's answer was cut off.");
        }
    }

    private Outcome relayStream(Exchange exchange, InputStream body, Map<String, String> headers, int status, long sent) {
        OutputStream out = exchange.response().stream(status, headers);
        try {
            if (exchange.tokens() != null) {
                restorer.relayStream(body, out, exchange.tokens());
            } else {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            exchange.addUpstreamNanos(System.nanoTime() - sent);
            Outcome.Refused failure = Outcome.Refused.of(ReasonCode.UPSTREAM_ERROR,
                    "The stream was interrupted before it completed.");
            try {
                out.write(errors.asStreamEvent(failure, exchange.decisionId()));
                out.close();
            } catch (IOException clientGone) {
                LOG.debug("client went away during stream decision_id={}", exchange.decisionId());
            }
            return failure;
        }
        exchange.addUpstreamNanos(System.nanoTime() - sent);
        try {
            out.close();
        } catch (IOException clientGone) {
            LOG.debug("client went away at end of stream decision_id={}", exchange.decisionId());
        }
        return new Outcome.Delivered(status);
    }

    private static Outcome unavailable(Exchange exchange, GatewayConfig.Upstream upstream, long sent, Exception e) {
        exchange.addUpstreamNanos(System.nanoTime() - sent);
        LOG.warn("upstream unreachable upstream={} decision_id={} error={}", upstream.name(), exchange.decisionId(),
                e.getClass().getSimpleName());
        return Outcome.Refused.of(ReasonCode.UPSTREAM_UNAVAILABLE,
                "The upstream provider '" + upstream.name() + "' could not be reached.");
    }

    /** Client errors the upstream reports keep their status; anything else is a bad gateway. */
    private static Outcome upstreamRejected(int status) {
        String message = "The upstream provider refused the request (HTTP " + status + ").";
        return switch (status) {
            case 400, 404, 409, 413, 422 -> new Outcome.Refused(status, "invalid_request_error", "upstream_error", message);
            case 429 -> new Outcome.Refused(429, "rate_limit_error", "upstream_error", message);
            default -> Outcome.Refused.of(ReasonCode.UPSTREAM_ERROR, message);
        };
    }

    /** Model names are client input; keep what is echoed short and printable. */
    private static String safe(String model) {
        String printable = model.replaceAll("[^A-Za-z0-9._:/@-]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }
}
