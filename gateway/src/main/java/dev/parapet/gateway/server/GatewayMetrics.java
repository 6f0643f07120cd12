package dev.parapet.gateway.server;

import dev.parapet.core.event.DecisionEvent;
import dev.parapet.gateway.bundles.ActiveBundle;
import dev.parapet.gateway.bundles.BundleListener;
import dev.parapet.gateway.bundles.BundleRefusal;
import dev.parapet.gateway.events.EventSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics: decisions by outcome, Parapet's own latency (upstream time
 * excluded), the event spool's backlog, and the policy bundle (which one is active, how many were
 * activated and refused). Fed from the same events the control plane receives.
 */
public final class GatewayMetrics implements EventSink, BundleListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer overhead;
    private Meter activeBundleInfo;

    public GatewayMetrics(Supplier<Number> spoolPending, Supplier<Number> spoolFailedWrites) {
        this.overhead = Timer.builder("parapet_gateway_overhead")
                .description("Time spent in Parapet's stages, upstream excluded")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        // strong references: a gauge otherwise holds its supplier weakly and reports NaN once it is collected
        Gauge.builder("parapet_gateway_spool_pending_events", spoolPending)
                .description("Events written to the spool and not yet acknowledged by the control plane")
                .strongReference(true).register(registry);
        Gauge.builder("parapet_gateway_spool_failed_writes", spoolFailedWrites)
                .description("Events that could not be written to the spool since start")
                .strongReference(true).register(registry);
    }

    @Override
    public void accept(DecisionEvent event) {
        Counter.builder("parapet_gateway_decisions")
                .description("Gateway decisions by outcome")
                .tag("decision", event.decision())
                .tag("status", Integer.toString(event.httpStatus()))
                .tag("reason_code", event.reasonCodes().isEmpty() ? "none" : event.reasonCodes().getFirst())
                .register(registry)
                .increment();
        overhead.record(Duration.ofNanos(event.gatewayLatencyUs() * 1_000));
    }

    /** Replaces the active-bundle info series and counts the activation. */
    @Override
    public synchronized void activated(ActiveBundle bundle) {
        if (activeBundleInfo != null) {
            registry.remove(activeBundleInfo);
        }
        activeBundleInfo = Gauge.builder("parapet_bundle_active", () -> 1)
                .description("The policy bundle being enforced (value 1; the labels say which)")
                .tag("name", bundle.bundle().name())
                .tag("version", bundle.bundle().version())
                .tag("digest", bundle.digest())
                .tag("source", bundle.source().wireName())
                .tag("control_version", bundle.controlVersion().isPresent()
                        ? Long.toString(bundle.controlVersion().getAsLong()) : "")
                .strongReference(true)
                .register(registry);
        Counter.builder("parapet_bundle_activations")
                .description("Policy bundles the gateway started enforcing, by source")
                .tag("source", bundle.source().wireName())
                .register(registry)
                .increment();
    }

    @Override
    public void refused(BundleRefusal refusal) {
        Counter.builder("parapet_bundle_refusals")
                .description("Policy bundles the gateway refused to enforce, by reason and source")
                .tag("reason", refusal.reason().code())
                .tag("source", refusal.source().wireName())
                .register(registry)
                .increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
