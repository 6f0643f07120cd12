package dev.parapet.detect.normalize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and decodes payloads embedded in a text. A decoded payload becomes a view only when it is
 * valid UTF-8 and mostly printable text, so binary blobs (images, hashes, ids) are left alone.
 * Each decoded character maps to the whole encoded run it came from, except for URL-encoding,
 * which is decoded in place.
 */
final class PayloadDecoder {
    private static final int MAX_RUN = 16_384;
    private static final Pattern ESCAPED_HEX = Pattern.compile("(?:\\\\x[0-9A-Fa-f]{2}){4,4096}+");

    private PayloadDecoder() {
    }

    /** Runs of at least {@link Deobfuscator#MIN_BASE64} base64 (or base64url) characters, with padding. */
    static void base64(String text, List<TextView> out) {
        int i = 0;
        while (i < text.length()) {
            if (!isBase64(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            boolean other = false;
            while (i < text.length() && isBase64(text.charAt(i))) {
                char c = text.charAt(i++);
                letters |= Character.isLetter(c);
                other |= !Character.isLetter(c);
            }
            int bodyEnd = i;
            while (i < text.length() && i - bodyEnd < 2 && text.charAt(i) == '=') {
                i++;
            }
            int length = bodyEnd - start;
            // a long word or a long number is not an encoding
            if (length >= Deobfuscator.MIN_BASE64 && length <= MAX_RUN && letters && other) {
                byte[] bytes = decodeBase64(text.substring(start, bodyEnd));
                if (bytes != null) {
                    addIfText(bytes, "base64", start, i, out);
                }
            }
        }
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '-' || c == '_';
    }

    private static byte[] decodeBase64(String body) {
        if (body.length() % 4 == 1) {
            return null;
        }
        String padded = body + "==".substring(0, (4 - body.length() % 4) % 4);
        try {
            return body.indexOf('-') >= 0 || body.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(padded)
                    : Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Runs of hex digit pairs (at least {@link Deobfuscator#MIN_HEX_BYTES} bytes) and {@code \xNN} escapes. */
    static void hex(String text, List<TextView> out) {
        int i = 0;
        while (i < text.length()) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                i++;
                continue;
            }
            int start = i;
            boolean letters = false;
            while (i < text.length() && text.charAt(i) <= 'f' && Character.digit(text.charAt(i), 16) >= 0) {
                letters |= Character.isLetter(text.charAt(i));
                i++;
            }
            int length = i - start;
            boolean bounded = (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                    && (i == text.length() || !Character.isLetterOrDigit(text.charAt(i)));
            // a long number is not an encoding; nor is a run glued to other letters
            if (bounded && letters && length % 2 == 0 && length >= 2 * Deobfuscator.MIN_HEX_BYTES && length <= MAX_RUN) {
                addIfText(hexBytes(text.substring(start, i)), "hex", start, i, out);
            }
        }
        if (text.indexOf("\\x") >= 0) {
            Matcher m = ESCAPED_HEX.matcher(text);
            while (m.find()) {
                addIfText(hexBytes(m.group().replace("\\x", "")), "hex", m.start(), m.end(), out);
            }
        }
    }

    private static byte[] hexBytes(String digits) {
        byte[] bytes = new byte[digits.length() / 2];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) Integer.parseInt(digits, 2 * k, 2 * k + 2, 16);
        }
        return bytes;
    }

    /** Decodes %XX escapes in place when the text has at least three of them. */
    static void urlEncoding(String text, List<TextView> out) {
        int escapes = 0;
        for (int p = text.indexOf('%'); p >= 0 && escapes < 3; p = text.indexOf('%', p + 1)) {
            if (isEscape(text, p)) {
                escapes++;
            }
        }
        if (escapes < 3) {
            return;
        }
        ViewBuilder b = new ViewBuilder(text.length());
        byte[] pending = new byte[text.length() / 3 + 1];
        int i = 0;
        while (i < text.length()) {
            if (isEscape(text, i)) {
                int start = i;
                int n = 0;
                while (isEscape(text, i)) {
                    pending[n++] = (byte) Integer.parseInt(text, i + 1, i + 3, 16);
                    i += 3;
                }
                String decoded = utf8(pending, n);
                if (decoded == null) {
                    for (int k = start; k < i; k++) {
                        b.append(text.charAt(k), k, k + 1);
                    }
                } else {
                    b.append(decoded, start, i);
                }
            } else {
                b.append(text.charAt(i), i, i + 1);
                i++;
            }
        }
        out.add(b.build("url-encoding"));
    }

    private static boolean isEscape(String t, int i) {
        return i + 2 < t.length() && t.charAt(i) == '%' && Character.digit(t.charAt(i + 1), 16) >= 0
                && Character.digit(t.charAt(i + 2), 16) >= 0;
    }

    static TextView rot13(String text) {
        ViewBuilder b = new ViewBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 13) % 26)
                    : c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c;
            b.append(r, i, i + 1);
        }
        return b.build("rot13");
    }

    private static void addIfText(byte[] bytes, String origin, int start, int end, List<TextView> out) {
        String decoded = utf8(bytes, bytes.length);
        if (decoded != null && decoded.length() >= 8 && mostlyPrintable(decoded)) {
            out.add(new ViewBuilder(decoded.length()).append(decoded, start, end).build(origin));
        }
    }

    /** Strict UTF-8 decoding; null when the bytes are not valid UTF-8. */
    private static String utf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** At least 90% letters, digits, punctuation or spaces, and at least one space or letter run. */
    static boolean mostlyPrintable(String s) {
        int printable = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && !Character.isISOControl(c)
                    && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.PRIVATE_USE
                    && Character.getType(c) != Character.SURROGATE)) {
                printable++;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return printable >= 0.9 * s.length() && letters >= 0.5 * s.length();
    }
}
