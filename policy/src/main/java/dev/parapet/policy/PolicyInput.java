package dev.parapet.policy;

import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.ToolCall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a policy decides on.
 *
 * @param principal   the authenticated caller
 * @param interaction the normalised request
 * @param findings    what the detectors saw in it
 * @param riskScore   the detectors' risk score, 0–100
 * @param tool        the tool an agent asks to call ({@code POST /v1/decide}), or null for a
 *                    model request
 * @param at          when the request was received (conditions see it as {@code time})
 */
public record PolicyInput(Principal principal, Interaction interaction, List<Finding> findings, int riskScore,
                          ToolCall tool, Instant at) {

    /** Checks for nulls and copies {@code findings}. */
    public PolicyInput {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(at, "at");
        findings = List.copyOf(findings);
    }

    /** The input of a request received now. */
    public PolicyInput(Principal principal, Interaction interaction, List<Finding> findings, int riskScore, ToolCall tool) {
        this(principal, interaction, findings, riskScore, tool, Instant.now());
    }

    /** The input of a model request (no tool call) received now. */
    public PolicyInput(Principal principal, Interaction interaction, List<Finding> findings, int riskScore) {
        this(principal, interaction, findings, riskScore, null, Instant.now());
    }
}
