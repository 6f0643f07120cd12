package dev.parapet.control.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a tenant's versions, newest first.
 *
 * @param items   the versions
 * @param current the tenant's current version, if it has published
 * @param next    where the next page starts; empty on the last page
 */
public record VersionPage(List<PolicyVersion> items, Optional<Integer> current, Optional<VersionCursor> next) {
    public VersionPage {
        items = List.copyOf(items);
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
    }
}
