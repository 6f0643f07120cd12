package dev.parapet.policy;

import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;

import java.util.List;
import java.util.Objects;

/**
 * What a policy decides on.
 *
 * @param principal   the authenticated caller
 * @param interaction the normalised request
 * @param findings    what the detectors saw in it
 * @param riskScore   the detectors' risk score, 0–100
 */
public record PolicyInput(Principal principal, Interaction interaction, List<Finding> findings, int riskScore) {

    /** Checks for nulls and copies {@code findings}. */
    public PolicyInput {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(interaction, "interaction");
        findings = List.copyOf(findings);
    }
}
