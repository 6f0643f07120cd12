package dev.parapet.control.policy;

import java.util.Locale;

/** How a policy version came to be. */
public enum VersionKind {
    /** An uploaded bundle. */
    PUBLISH,
    /** The content of an earlier version, published again. */
    ROLLBACK;

    /** The stored and wire form: {@code publish} or {@code rollback}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static VersionKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
