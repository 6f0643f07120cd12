package dev.parapet.detect;

import dev.parapet.core.RedactionMode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a redacted span becomes. */
@FunctionalInterface
public interface Replacement {

    /**
     * @param type     the finding type, e.g. {@code pii.email}
     * @param original the text of the span
     * @return the text that replaces it
     */
    String replace(String type, String original);

    /** {@code [REDACTED_EMAIL]}: the type only. */
    Replacement MASK = (type, original) -> Redactor.placeholder(type);

    /**
     * {@code <EMAIL#3f9a1c0b7d2e>}: the first 48 bits of HMAC-SHA256 over the type and the value,
     * so the same value under the same key always gives the same placeholder (joins and counts
     * still work upstream) and nobody without the key can test a guess.
     *
     * @param key at least 32 bytes, kept by the gateway
     */
    static Replacement keyedHash(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a redaction hash key needs at least 32 bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        return (type, original) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                mac.update(type.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
                byte[] digest = mac.doFinal(original.getBytes(StandardCharsets.UTF_8));
                return "<" + Redactor.label(type) + "#" + HexFormat.of().formatHex(digest, 0, 6) + ">";
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        };
    }

    /**
     * One replacement per finding type, chosen by mode.
     *
     * @param modes  the mode of each finding type; types not listed are masked
     * @param hash   the keyed-hash replacement
     * @param tokens the request's token vault
     */
    static Replacement byMode(java.util.Map<String, RedactionMode> modes, Replacement hash, TokenVault tokens) {
        return (type, original) -> switch (modes.getOrDefault(type, RedactionMode.MASK)) {
            case MASK -> MASK.replace(type, original);
            case HASH -> hash.replace(type, original);
            case TOKENIZE -> tokens.replace(type, original);
        };
    }
}
