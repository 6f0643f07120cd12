package dev.parapet.detect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reversible tokenization for one request: each distinct value becomes a numbered token such as
 * {@code <EMAIL_1>} before the request leaves the gateway, and {@link #restore} puts the values
 * back into the answer. The vault lives only as long as the request and is never logged or
 * stored; a token the vault did not issue is left as it is.
 *
 * <p>Not thread-safe: one request, one thread.
 */
public final class TokenVault implements Replacement {
    /** The shape of a token: {@code <}, an upper-case label, {@code _}, a number, {@code >}. */
    static final Pattern TOKEN = Pattern.compile("<[A-Z][A-Z0-9_]{0,40}_[0-9]{1,6}>");
    /** The longest a token can be; a streamed prefix longer than this cannot become one. */
    static final int MAX_TOKEN_LENGTH = 50;

    private final Map<String, String> tokenByValue = new HashMap<>();
    private final Map<String, String> valueByToken = new LinkedHashMap<>();
    private final Map<String, Integer> countByLabel = new HashMap<>();

    @Override
    public String replace(String type, String original) {
        String key = type + '\0' + original;
        String token = tokenByValue.get(key);
        if (token == null) {
            String label = Redactor.label(type);
            int n = countByLabel.merge(label, 1, Integer::sum);
            token = "<" + label + "_" + n + ">";
            tokenByValue.put(key, token);
            valueByToken.put(token, original);
        }
        return token;
    }

    /** Whether any value was tokenized. */
    public boolean isEmpty() {
        return valueByToken.isEmpty();
    }

    /** {@code text} with every token this vault issued replaced by its value. */
    public String restore(String text) {
        if (valueByToken.isEmpty() || text.indexOf('<') < 0) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String value = valueByToken.get(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(sb).toString();
    }

    /** A restorer for text that arrives in pieces (a streamed answer), where a token may be split. */
    public StreamRestorer streamRestorer() {
        return new StreamRestorer(this);
    }

    /**
     * Restores tokens in text that arrives piece by piece. It holds back only a trailing part that
     * could still become a token ({@code <EMA} waiting for {@code IL_1>}), at most
     * {@value TokenVault#MAX_TOKEN_LENGTH} characters, and releases everything else at once.
     */
    public static final class StreamRestorer {
        private final TokenVault vault;
        private final StringBuilder pending = new StringBuilder();

        private StreamRestorer(TokenVault vault) {
            this.vault = vault;
        }

        /** Adds a piece; returns the restored text that is safe to send now. */
        public String push(String piece) {
            pending.append(piece);
            int hold = holdFrom(pending);
            String ready = pending.substring(0, hold);
            pending.delete(0, hold);
            return vault.restore(ready);
        }

        /** Everything still held back, restored; call at the end of the stream. */
        public String flush() {
            String rest = vault.restore(pending.toString());
            pending.setLength(0);
            return rest;
        }

        /** Where a possible unfinished token starts, or the length when there is none. */
        private static int holdFrom(CharSequence s) {
            int lt = -1;
            for (int i = s.length() - 1; i >= 0 && s.length() - i <= MAX_TOKEN_LENGTH; i--) {
                char c = s.charAt(i);
                if (c == '<') {
                    lt = i;
                    break;
                }
                if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_') {
                    break;
                }
            }
            return lt < 0 ? s.length() : lt;
        }
    }
}
