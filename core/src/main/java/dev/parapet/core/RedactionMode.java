package dev.parapet.core;

import java.util.Locale;

/** How a redacted span is replaced before a request leaves the gateway. */
public enum RedactionMode {
    /** A fixed placeholder naming the type, e.g. {@code [REDACTED_EMAIL]}; irreversible. */
    MASK,
    /** A keyed hash of the value, e.g. {@code <EMAIL#3f9a1c0b7d2e>}: equal values stay equal, the value cannot be recovered. */
    HASH,
    /** A numbered token, e.g. {@code <EMAIL_1>}, that the gateway swaps back for the value in the answer. */
    TOKENIZE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the allowed values. */
    public static RedactionMode fromWireName(String name) {
        for (RedactionMode m : values()) {
            if (m.wireName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown redaction mode '" + name + "' (expected mask, hash or tokenize)");
    }
}
