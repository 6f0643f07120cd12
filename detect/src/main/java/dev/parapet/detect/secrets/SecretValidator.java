package dev.parapet.detect.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A structural check of a candidate secret, beyond what its rule's expression can say. */
enum SecretValidator {

    /** No check. */
    NONE {
        @Override
        boolean accepts(String secret) {
            return true;
        }
    },

    /** A JSON Web Token: the first base64url part decodes to a JSON object naming an {@code "alg"}. */
    JWT {
        @Override
        boolean accepts(String secret) {
            int dot = secret.indexOf('.');
            String header = decode(Base64.getUrlDecoder(), dot < 0 ? secret : secret.substring(0, dot));
            return header != null && header.stripLeading().startsWith("{") && header.contains("\"alg\"");
        }
    },

    /**
     * Basic credentials: base64 of {@code user:password} with a non-empty password that is printable
     * and not a placeholder.
     */
    BASIC_AUTH {
        @Override
        boolean accepts(String secret) {
            String pair = decode(Base64.getDecoder(), secret);
            if (pair == null) {
                return false;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                return false;
            }
            for (int i = 0; i < pair.length(); i++) {
                if (Character.isISOControl(pair.charAt(i))) {
                    return false;
                }
            }
            return !Placeholders.isPlaceholder(pair.substring(colon + 1));
        }
    };

    /** Whether {@code secret} passes this check. */
    abstract boolean accepts(String secret);

    /** The validator named in the pack ({@code jwt}, {@code basic_auth}); blank is {@link #NONE}. */
    static SecretValidator named(String name) {
        return name == null || name.isBlank() ? NONE : valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }

    private static String decode(Base64.Decoder decoder, String text) {
        try {
            return new String(decoder.decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
