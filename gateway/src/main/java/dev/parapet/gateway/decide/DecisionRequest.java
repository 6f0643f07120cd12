package dev.parapet.gateway.decide;

import dev.parapet.core.ToolCall;

import java.util.List;

/**
 * A parsed decision request.
 *
 * @param tool      the tool call asked about, or null when only content is to be judged
 * @param locations for each scanned text (the interaction's messages, in order), where it came
 *                  from: {@code content[0]}, {@code tool.arguments.to}, {@code tool.arguments.items[2]}
 * @param opaPath   for the OPA-compatible route, the document asked for ({@code parapet/allow} or
 *                  {@code parapet/decision}); null for {@code /v1/decide}
 */
public record DecisionRequest(ToolCall tool, List<String> locations, String opaPath) {

    public DecisionRequest {
        locations = List.copyOf(locations);
    }
}
