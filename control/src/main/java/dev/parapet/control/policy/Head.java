package dev.parapet.control.policy;

import java.util.Objects;

/**
 * A tenant's current policy version: the one its gateways are served.
 *
 * @param version the version number
 * @param digest  its bundle digest, the {@code ETag} gateways poll with
 */
public record Head(int version, String digest) {
    public Head {
        Objects.requireNonNull(digest, "digest");
    }
}
