package dev.parapet.detect;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Masks the spans of chosen findings in a conversation.
 *
 * <p>Each span is replaced by {@code [REDACTED_<SUFFIX>]}, where the suffix is the finding type
 * without its family, upper-cased, with dots turned into underscores: {@code pii.email} becomes
 * {@code [REDACTED_EMAIL]}, {@code pci.card_number} becomes {@code [REDACTED_CARD_NUMBER]}.
 * Spans of one message that overlap or touch are merged into one placeholder, named for the
 * finding that starts first (the longest, on a tie). Spans are clamped to the message's length;
 * findings for messages that do not exist, or with empty spans, are ignored. Messages with no
 * span to mask are returned as the same instances.
 */
public final class Redactor {

    private static final Comparator<Finding> BY_START = Comparator.comparingInt(Finding::start)
            .thenComparing(Comparator.comparingInt(Finding::end).reversed());

    private Redactor() {
    }

    /**
     * Returns {@code messages} with the spans of {@code toMask} replaced by placeholders.
     *
     * @param messages the conversation the findings were made in
     * @param toMask   the findings to mask, in any order
     * @return an immutable list of the same size; unaffected messages are the original instances
     */
    public static List<ChatMessage> redact(List<ChatMessage> messages, List<Finding> toMask) {
        return redact(messages, toMask, Replacement.MASK);
    }

    /**
     * Returns {@code messages} with the spans of {@code toMask} replaced as {@code replacement} says.
     *
     * @param messages    the conversation the findings were made in
     * @param toMask      the findings to replace, in any order; overlapping or touching spans merge
     *                    and are replaced once, as the finding that starts first
     * @param replacement what each span becomes
     * @return an immutable list of the same size; unaffected messages are the original instances
     */
    public static List<ChatMessage> redact(List<ChatMessage> messages, List<Finding> toMask, Replacement replacement) {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(toMask, "toMask");
        if (toMask.isEmpty()) {
            return List.copyOf(messages);
        }
        List<ChatMessage> out = new ArrayList<>(messages);
        for (int i = 0; i < messages.size(); i++) {
            List<Finding> spans = new ArrayList<>();
            for (Finding f : toMask) {
                if (f.messageIndex() == i && f.end() > f.start()) {
                    spans.add(f);
                }
            }
            if (!spans.isEmpty()) {
                ChatMessage m = messages.get(i);
                out.set(i, new ChatMessage(m.role(), apply(m.content(), spans, replacement)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@code text} with the spans of {@code spans} (all of one message) replaced.
     *
     * @param spans findings in {@code text}; overlapping or touching spans merge into one
     */
    public static String apply(String text, List<Finding> spans, Replacement replacement) {
        spans = new ArrayList<>(spans);
        spans.sort(BY_START);
        StringBuilder sb = new StringBuilder(text.length());
        int copied = 0;
        int k = 0;
        while (k < spans.size()) {
            Finding first = spans.get(k);
            int start = Math.min(first.start(), text.length());
            int end = Math.min(first.end(), text.length());
            k++;
            while (k < spans.size() && spans.get(k).start() <= end) {
                end = Math.max(end, Math.min(spans.get(k).end(), text.length()));
                k++;
            }
            if (start < copied || start >= end) {
                continue;
            }
            sb.append(text, copied, start).append(replacement.replace(first.type(), text.substring(start, end)));
            copied = end;
        }
        return sb.append(text, copied, text.length()).toString();
    }

    /** {@code [REDACTED_EMAIL]} for {@code pii.email}. */
    static String placeholder(String type) {
        return "[REDACTED_" + label(type) + "]";
    }

    /** The upper-case label of a finding type in placeholders: {@code EMAIL} for {@code pii.email}. */
    public static String label(String type) {
        int dot = type.indexOf('.');
        return (dot < 0 ? type : type.substring(dot + 1)).replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
