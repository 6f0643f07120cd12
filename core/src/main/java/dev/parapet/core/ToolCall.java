package dev.parapet.core;

import java.util.Map;
import java.util.Objects;

/**
 * A tool an agent asks to call, for decisions that are not model requests
 * ({@code POST /v1/decide}). Its arguments may hold sensitive text and never leave the gateway.
 *
 * @param name      the tool's name, as the agent knows it (e.g. {@code send_email})
 * @param arguments the arguments as JSON values: {@code String}, {@code Long}, {@code Double},
 *                  {@code Boolean}, {@code null}, {@code List} and {@code Map<String, Object>}
 */
public record ToolCall(String name, Map<String, Object> arguments) {

    /** Checks for nulls and copies the top level of the arguments. */
    public ToolCall {
        Objects.requireNonNull(name, "name");
        arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }
}
