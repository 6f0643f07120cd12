package dev.parapet.gateway.bundles;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The answer to one poll of {@code GET /v1/gateway/bundle}. */
public sealed interface Poll permits Poll.Changed, Poll.NotModified, Poll.NoBundle, Poll.Unusable, Poll.Failed {

    /** 200: a bundle other than the ones named in {@code If-None-Match}, still to be admitted. */
    record Changed(BundleCandidate candidate) implements Poll {
        public Changed {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /** 304: the current bundle is one we named (after the server held the poll open, if it long-polls). */
    record NotModified() implements Poll {
    }

    /** 404 {@code no_bundle}: the tenant never published one. */
    record NoBundle() implements Poll {
    }

    /**
     * 200, but the answer is not a bundle document: it is refused like a bad bundle.
     *
     * @param reason  {@link RefusalReason#MALFORMED_RESPONSE}, {@link RefusalReason#INVALID_BUNDLE} or
     *                {@link RefusalReason#DIGEST_MISMATCH} (ETag and body disagree)
     * @param detail  what was wrong
     * @param digest  the digest the answer named, if it named one
     * @param version the version the answer named, if it named one
     */
    record Unusable(RefusalReason reason, String detail, Optional<String> digest, OptionalLong version)
            implements Poll {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * No answer to use: the control plane is unreachable, refused our token, or failed.
     *
     * @param unauthorized whether it answered 401 or 403 (the gateway token is wrong or revoked)
     * @param detail       what happened, e.g. {@code HTTP 503} or {@code ConnectException}
     */
    record Failed(boolean unauthorized, String detail) implements Poll {
        public Failed {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
