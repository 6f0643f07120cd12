package dev.parapet.core;

import java.util.Objects;

/**
 * Something a detector saw in an interaction.
 *
 * <p>The span ({@code messageIndex}, {@code start}, {@code end}) locates the evidence in the
 * original text of one message, so that redaction masks exactly it. The evidence itself is not
 * part of the finding: findings travel into events, text does not.
 *
 * @param type         a dotted type whose first segment is the family, e.g. {@code pii.email}
 * @param family       the first segment of {@code type}: {@code injection}, {@code pii}, {@code pci}, ...
 * @param ruleId       the id of the signature or recognizer that matched, e.g. {@code INJ-001}
 * @param severity     how serious the finding is
 * @param confidence   the detector's confidence in [0, 1]
 * @param messageIndex the index of the message in {@link Interaction#messages()}
 * @param start        start offset in that message's content (inclusive, UTF-16 units)
 * @param end          end offset in that message's content (exclusive)
 */
public record Finding(String type, String family, String ruleId, Severity severity, double confidence,
                      int messageIndex, int start, int end) {
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        if (!type.startsWith(family + ".")) {
            throw new IllegalArgumentException("type " + type + " is not in family " + family);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
        }
        if (messageIndex < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + messageIndex + ":" + start + "-" + end);
        }
    }
}
