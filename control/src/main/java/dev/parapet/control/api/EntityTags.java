package dev.parapet.control.api;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The entity tags of an {@code If-None-Match} header (RFC 9110 §13.1.2): a comma-separated list of
 * quoted tags, weak ({@code W/"…"}) or strong, or {@code *}. Weak and strong tags compare equal
 * (the weak comparison that {@code If-None-Match} uses).
 */
final class EntityTags {
    private EntityTags() {
    }

    /** The quoted form of a digest, as sent in {@code ETag}. */
    static String quote(String digest) {
        return "\"" + digest + "\"";
    }

    /** Which values the header names; {@code *} matches any. Malformed members are ignored. */
    static Predicate<String> parse(String header) {
        Set<String> tags = new HashSet<>();
        for (String member : header.split(",")) {
            String tag = member.strip();
            if (tag.equals("*")) {
                return value -> true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tags.add(tag.substring(1, tag.length() - 1));
            }
        }
        return tags::contains;
    }
}
