package dev.parapet.detect.dlp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checksums of cryptocurrency addresses: Bitcoin base58check (P2PKH version 0, P2SH version 5)
 * and segwit bech32 / bech32m (BIP 173, BIP 350).
 */
final class CryptoAddresses {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    private CryptoAddresses() {
    }

    /** Whether a base58 string decodes to 25 bytes, version 0 or 5, with a valid double-SHA-256 checksum. */
    static boolean isBase58CheckBitcoin(String s) {
        byte[] decoded = base58(s);
        if (decoded == null || decoded.length != 25 || (decoded[0] != 0 && decoded[0] != 5)) {
            return false;
        }
        byte[] payload = Arrays.copyOf(decoded, 21);
        byte[] hash = sha256(sha256(payload));
        return Arrays.equals(Arrays.copyOfRange(hash, 0, 4), Arrays.copyOfRange(decoded, 21, 25));
    }

    /** Whether {@code s} is a {@code bc1} segwit address with a valid bech32 or bech32m checksum. */
    static boolean isBech32Bitcoin(String s) {
        if (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int sep = lower.lastIndexOf('1');
        if (!lower.startsWith("bc1") || sep != 2 || lower.length() < 14 || lower.length() > 74) {
            return false;
        }
        int[] values = new int[lower.length() - 3];
        for (int i = 3; i < lower.length(); i++) {
            int v = BECH32.indexOf(lower.charAt(i));
            if (v < 0) {
                return false;
            }
            values[i - 3] = v;
        }
        int check = polymod("bc", values);
        return check == BECH32_CONST || check == BECH32M_CONST;
    }

    private static int polymod(String hrp, int[] data) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        int[] expanded = new int[hrp.length() * 2 + 1 + data.length];
        int j = 0;
        for (int i = 0; i < hrp.length(); i++) {
            expanded[j++] = hrp.charAt(i) >> 5;
        }
        expanded[j++] = 0;
        for (int i = 0; i < hrp.length(); i++) {
            expanded[j++] = hrp.charAt(i) & 31;
        }
        for (int v : data) {
            expanded[j++] = v;
        }
        for (int v : expanded) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) == 1) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    private static byte[] base58(String s) {
        if (s.length() > 40) {
            return null;
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        for (int i = 0; i < s.length(); i++) {
            int v = BASE58.indexOf(s.charAt(i));
            if (v < 0) {
                return null;
            }
            n = n.multiply(base).add(BigInteger.valueOf(v));
        }
        byte[] bytes = n.toByteArray();
        int strip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + bytes.length - strip];
        System.arraycopy(bytes, strip, out, zeros, bytes.length - strip);
        return out;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
