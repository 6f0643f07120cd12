package dev.parapet.gateway.pipeline;

import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.ToolCall;
import dev.parapet.detect.TokenVault;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of one request as it moves through the pipeline. Each stage fills in what it owns
 * (authenticate the principal, parse the interaction, detect the findings, decide the decision,
 * forward the upstream timing); the emit stage reads it all to build the event.
 *
 * <p>Confined to the request's thread. It holds prompt text ({@link #interaction()}); it is never
 * logged or serialised.
 */
public final class Exchange {
    private final String decisionId;
    private final Instant receivedAt;
    private final long startNanos;
    private final ClientRequest request;
    private final ClientResponse response;
    private final String provider;
    private final String endpoint;

    private PolicyEngine policy;
    private Principal principal;
    private byte[] body;
    private Object parsedBody;
    private Interaction interaction;
    private ToolCall tool;
    private List<Finding> findings = List.of();
    private int riskScore;
    private PolicyDecision decision;
    private byte[] forwardBody;
    private TokenVault tokens;
    private long upstreamNanos;
    private long upstreamHeadersMillis = -1;
    private boolean degraded;

    public Exchange(String decisionId, Instant receivedAt, long startNanos, String provider, String endpoint,
                    ClientRequest request, ClientResponse response) {
        this.decisionId = Objects.requireNonNull(decisionId);
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.startNanos = startNanos;
        this.provider = provider;
        this.endpoint = endpoint;
        this.request = request;
        this.response = response;
    }

    public String decisionId() { return decisionId; }
    public Instant receivedAt() { return receivedAt; }
    public long startNanos() { return startNanos; }
    public String provider() { return provider; }
    public String endpoint() { return endpoint; }
    public ClientRequest request() { return request; }
    public ClientResponse response() { return response; }

    /**
     * The policy of the bundle that was active when the request arrived. The first stage pins it,
     * so that authentication, the decision and the event all see one bundle even if another is
     * swapped in meanwhile.
     */
    public PolicyEngine policy() { return policy; }
    public void policy(PolicyEngine p) { this.policy = Objects.requireNonNull(p); }

    /** The authenticated caller, or {@code null} before (or without) authentication. */
    public Principal principal() { return principal; }
    public void principal(Principal p) { this.principal = p; }

    /** The raw request body, once read. */
    public byte[] body() { return body; }
    public void body(byte[] b) { this.body = b; }

    /** The wire-format-specific parse of the body, for the forward stage to rewrite. */
    public Object parsedBody() { return parsedBody; }
    public void parsedBody(Object p) { this.parsedBody = p; }

    /** The normalised interaction, or {@code null} when the body did not parse. */
    public Interaction interaction() { return interaction; }
    public void interaction(Interaction i) { this.interaction = i; }

    /** The tool call a decision request asks about, or {@code null}. */
    public ToolCall tool() { return tool; }
    public void tool(ToolCall t) { this.tool = t; }

    public List<Finding> findings() { return findings; }
    public int riskScore() { return riskScore; }
    public void detection(List<Finding> f, int risk) { this.findings = List.copyOf(f); this.riskScore = risk; }

    /** The policy decision, or {@code null} when the request was refused before policy ran. */
    public PolicyDecision decision() { return decision; }
    public void decision(PolicyDecision d) { this.decision = d; }

    /** The body to send upstream: the original bytes, or a rewritten body after redaction. */
    public byte[] forwardBody() { return forwardBody == null ? body : forwardBody; }
    public void forwardBody(byte[] b) { this.forwardBody = b; }

    /** The request's reversible tokens, or {@code null} when nothing was tokenized. */
    public TokenVault tokens() { return tokens; }
    public void tokens(TokenVault t) { this.tokens = t; }

    /** Time spent waiting for and copying the upstream's answer; excluded from gateway latency. */
    public long upstreamNanos() { return upstreamNanos; }
    public void addUpstreamNanos(long n) { this.upstreamNanos += n; }

    /** Milliseconds until the upstream's response headers, or -1 when nothing was forwarded. */
    public long upstreamHeadersMillis() { return upstreamHeadersMillis; }
    public void upstreamHeadersMillis(long ms) { this.upstreamHeadersMillis = ms; }

    /** Whether a stage failed and the decision fell back to fail-closed or fail-open. */
    public boolean degraded() { return degraded; }
    public void markDegraded() { this.degraded = true; }
}
