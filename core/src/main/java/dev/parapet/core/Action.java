package dev.parapet.core;

import java.util.Locale;

/**
 * What the gateway does with an interaction. The order of the constants is their precedence:
 * when several rules match, the most severe action wins ({@link #mostSevere}).
 */
public enum Action {
    /** Forward unchanged. */
    ALLOW,
    /** Forward unchanged, and flag the event for attention. */
    ALERT,
    /** Forward with the sensitive spans masked. */
    REDACT,
    /** Do not forward inline: the interaction waits for review (a judge, or a person). */
    HOLD,
    /** Refuse; nothing reaches the upstream. */
    BLOCK;

    /** The lower-case name used in policies, events and JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the allowed values. */
    public static Action fromWireName(String name) {
        for (Action a : values()) {
            if (a.wireName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action '" + name + "' (expected allow, alert, redact, hold or block)");
    }

    /** The more severe of two actions. */
    public static Action mostSevere(Action a, Action b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
