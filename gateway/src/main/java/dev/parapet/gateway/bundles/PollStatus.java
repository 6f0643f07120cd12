package dev.parapet.gateway.bundles;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the last poll of the control plane went, for {@code /readyz}.
 *
 * @param state    what the last poll found
 * @param lastPoll when it ended, or empty before the first
 * @param detail   more about a failure or refusal (a reason code, an HTTP status), or empty
 */
public record PollStatus(State state, Optional<Instant> lastPoll, Optional<String> detail) {

    /** What a poll found. */
    public enum State {
        /** No poll has ended yet. */
        STARTING,
        /** A new bundle was verified and is now enforced. */
        UPDATED,
        /** The control plane's current bundle is the one enforced (or one already refused). */
        UNCHANGED,
        /** The tenant has not published a bundle. */
        NO_BUNDLE,
        /** The control plane's current bundle was refused; the previous one stays. */
        REFUSED,
        /** The control plane refused the gateway token. */
        UNAUTHORIZED,
        /** The control plane could not be reached or failed. */
        UNREACHABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PollStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastPoll, "lastPoll");
        Objects.requireNonNull(detail, "detail");
    }

    static PollStatus starting() {
        return new PollStatus(State.STARTING, Optional.empty(), Optional.empty());
    }

    static PollStatus of(State state, Instant at, String detail) {
        return new PollStatus(state, Optional.of(at), Optional.ofNullable(detail));
    }
}
