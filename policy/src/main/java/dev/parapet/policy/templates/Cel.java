package dev.parapet.policy.templates;

import java.util.List;
import java.util.stream.Collectors;

/** Renders template arguments as CEL literals, so that an argument can never become code. */
final class Cel {

    private Cel() {
    }

    /** A single-quoted CEL string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /** A CEL list of string literals. */
    static String list(List<String> items) {
        return items.stream().map(Cel::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Whether {@code field} (a CEL expression yielding a string) matches one of {@code patterns}:
     * exact names, or prefixes written with a trailing {@code *}.
     */
    static String matchesAny(String field, List<String> patterns) {
        List<String> exact = patterns.stream().filter(p -> !p.endsWith("*")).toList();
        List<String> prefixes = patterns.stream().filter(p -> p.endsWith("*")).map(p -> p.substring(0, p.length() - 1)).toList();
        StringBuilder b = new StringBuilder();
        if (!exact.isEmpty()) {
            b.append(field).append(" in ").append(list(exact));
        }
        for (String prefix : prefixes) {
            if (!b.isEmpty()) {
                b.append(" || ");
            }
            b.append(field).append(".startsWith(").append(str(prefix)).append(')');
        }
        return "(" + b + ")";
    }
}
