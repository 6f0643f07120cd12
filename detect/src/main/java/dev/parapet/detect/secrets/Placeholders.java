package dev.parapet.detect.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises values that stand in for a secret rather than being one: documentation examples
 * ({@code AKIAIOSFODNN7EXAMPLE}), template text ({@code your-api-key-here}, {@code <token>},
 * {@code ${API_KEY}}), masks ({@code xxxx}, {@code ****}) and well-known non-secrets
 * ({@code password}, {@code changeit}).
 */
final class Placeholders {

    /** Words that mark a value as a stand-in wherever they occur in it. */
    private static final String[] MARKERS = {
        "example", "sample", "placeholder", "dummy", "changeme", "change_me", "change-me", "redacted",
        "your", "insert", "replace", "fake", "xxxx", "***", "...", "12345678", "abcdefgh", "<", ">",
        "${", "{{", "%(",
    };

    /** Whole values that are common defaults or words, not secrets. */
    private static final Set<String> WORDS = Set.of(
            "password", "passwd", "pass", "pwd", "secret", "changeit", "admin", "root", "guest", "test",
            "user", "username", "token", "apikey", "api_key", "none", "null", "nil", "empty", "undefined",
            "foo", "bar", "foobar", "qwerty", "letmein", "mypassword", "p@ssw0rd", "passw0rd", "secret123",
            "password1", "password123", "hunter2");

    /** A reference to a variable: $NAME, ${NAME}, %NAME%, $(cmd). */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_.]{0,100}\\}?|%[A-Za-z_][A-Za-z0-9_]{0,100}%|\\$\\(.{0,100}\\)");

    /** Longer secrets (key blocks, long tokens) may hold a marker word by chance; they are not checked for words. */
    private static final int MARKER_CHECK_MAX_LENGTH = 256;

    /** A character repeated this many times in a row is a mask, not randomness. */
    private static final int MAX_RUN = 6;

    private Placeholders() {
    }

    /** Whether {@code value} is a stand-in for a secret rather than a secret. */
    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (WORDS.contains(lower) || VARIABLE.matcher(value).matches()) {
            return true;
        }
        if (value.length() <= MARKER_CHECK_MAX_LENGTH) {
            for (String marker : MARKERS) {
                if (lower.contains(marker)) {
                    return true;
                }
            }
        }
        return hasRun(value);
    }

    private static boolean hasRun(String value) {
        int run = 1;
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == value.charAt(i - 1)) {
                if (++run >= MAX_RUN && value.charAt(i) != '\n') {
                    return true;
                }
            } else {
                run = 1;
            }
        }
        return false;
    }
}
