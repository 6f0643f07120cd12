package dev.parapet.policy.templates;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter of a template: its name, kind, whether it is required, its default and what it
 * means. Arguments arrive as text (from the command line or an API) and are parsed here.
 *
 * @param name         lower-case, e.g. {@code models}
 * @param kind         how the text is read
 * @param required     whether an argument must be given
 * @param defaultValue the text used when none is given, or null
 * @param choices      for {@link Kind#CHOICE}, the allowed values
 * @param description  for people
 */
public record TemplateParameter(String name, Kind kind, boolean required, String defaultValue, List<String> choices,
                                String description) {

    /** Names, model names, roles, tool names, finding types: no quotes, spaces or control characters. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:/@*+-]{1,200}");

    /** How an argument's text is read. */
    public enum Kind {
        /** One word (see {@link #WORD}). */
        WORD,
        /** Comma-separated words. */
        WORD_LIST,
        /** A whole number. */
        INTEGER,
        /** A non-negative decimal, e.g. an amount in USD. */
        DECIMAL,
        /** One of {@link #choices()}. */
        CHOICE,
        /** An IANA time zone, e.g. {@code Europe/Berlin}. */
        TIME_ZONE
    }

    public TemplateParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        Objects.requireNonNull(description, "description");
    }

    static TemplateParameter required(String name, Kind kind, String description) {
        return new TemplateParameter(name, kind, true, null, List.of(), description);
    }

    static TemplateParameter optional(String name, Kind kind, String defaultValue, String description) {
        return new TemplateParameter(name, kind, false, defaultValue, List.of(), description);
    }

    static TemplateParameter choice(String name, String defaultValue, List<String> choices, String description) {
        return new TemplateParameter(name, Kind.CHOICE, false, defaultValue, choices, description);
    }

    /** The typed value of {@code text}: String, List&lt;String&gt;, Long, BigDecimal or ZoneId. */
    Object parse(String text) throws TemplateException {
        String t = text.strip();
        return switch (kind) {
            case WORD -> word(t);
            case WORD_LIST -> {
                List<String> words = new ArrayList<>();
                for (String part : t.split(",")) {
                    if (!part.isBlank()) {
                        words.add(word(part.strip()));
                    }
                }
                if (words.isEmpty()) {
                    throw invalid("a comma-separated list of at least one value");
                }
                yield List.copyOf(words);
            }
            case INTEGER -> {
                try {
                    yield Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw invalid("a whole number");
                }
            }
            case DECIMAL -> {
                try {
                    BigDecimal d = new BigDecimal(t);
                    if (d.signum() < 0) {
                        throw invalid("a non-negative amount");
                    }
                    yield d;
                } catch (NumberFormatException e) {
                    throw invalid("a decimal amount such as 12.50");
                }
            }
            case CHOICE -> {
                if (!choices.contains(t)) {
                    throw invalid("one of " + String.join(", ", choices));
                }
                yield t;
            }
            case TIME_ZONE -> {
                try {
                    yield ZoneId.of(t);
                } catch (DateTimeException e) {
                    throw invalid("an IANA time zone such as Europe/Berlin");
                }
            }
        };
    }

    private String word(String t) throws TemplateException {
        if (!WORD.matcher(t).matches()) {
            throw invalid("letters, digits and . _ - : / @ * + only (1-200 characters)");
        }
        return t;
    }

    private TemplateException invalid(String expected) {
        return new TemplateException("parameter '" + name + "' must be " + expected);
    }
}
