package dev.parapet.detect.dlp;

import java.util.List;

/**
 * Issuer identification number (IIN) ranges of the major card schemes, with the lengths each
 * issues, and the card validator: a number is a card when its prefix and length fit a range,
 * it passes Luhn and is not one digit repeated.
 */
final class CardIssuers {

    /**
     * One range of IIN prefixes.
     *
     * @param scheme    card scheme, for documentation and tests
     * @param low       lowest prefix, inclusive
     * @param high      highest prefix, inclusive (same number of digits as {@code low})
     * @param minLength shortest card number issued in the range
     * @param maxLength longest card number issued in the range
     */
    record IinRange(String scheme, int low, int high, int minLength, int maxLength) {

        boolean matches(int[] d) {
            int width = String.valueOf(low).length();
            if (d.length < minLength || d.length > maxLength || d.length < width) {
                return false;
            }
            int prefix = 0;
            for (int i = 0; i < width; i++) {
                prefix = prefix * 10 + d[i];
            }
            return prefix >= low && prefix <= high;
        }
    }

    static final List<IinRange> RANGES = List.of(
            new IinRange("visa", 4, 4, 13, 13),
            new IinRange("visa", 4, 4, 16, 16),
            new IinRange("visa", 4, 4, 19, 19),
            new IinRange("mastercard", 51, 55, 16, 16),
            new IinRange("mastercard", 2221, 2720, 16, 16),
            new IinRange("amex", 34, 34, 15, 15),
            new IinRange("amex", 37, 37, 15, 15),
            new IinRange("discover", 6011, 6011, 16, 19),
            new IinRange("discover", 644, 649, 16, 19),
            new IinRange("discover", 65, 65, 16, 19),
            new IinRange("jcb", 3528, 3589, 16, 19),
            new IinRange("jcb", 1800, 1800, 15, 15),
            new IinRange("jcb", 2131, 2131, 15, 15),
            new IinRange("diners", 300, 305, 14, 19),
            new IinRange("diners", 3095, 3095, 14, 19),
            new IinRange("diners", 36, 36, 14, 19),
            new IinRange("diners", 38, 39, 16, 19),
            new IinRange("unionpay", 62, 62, 16, 19),
            new IinRange("mir", 2200, 2204, 16, 19),
            new IinRange("maestro", 50, 50, 12, 19),
            new IinRange("maestro", 56, 69, 12, 19));

    static final double UNKNOWN_ISSUER = 0.3;

    private CardIssuers() {
    }

    /** The scheme of a Luhn-valid number with a known prefix and length, or {@code null}. */
    static String scheme(String candidate) {
        int[] d = Checksums.digits(candidate);
        if (!Checksums.luhn(d) || Checksums.allSame(d)) {
            return null;
        }
        for (IinRange r : RANGES) {
            if (r.matches(d)) {
                return r.scheme();
            }
        }
        return null;
    }

    /**
     * Base confidence of a card candidate: high for a known scheme and length; lower for the
     * 12-digit lengths only Maestro issues, which ordinary numbers reach by chance more often.
     * A Luhn-valid number of 13–19 digits outside the known ranges (new or unlisted issuers)
     * gets {@link #UNKNOWN_ISSUER}, below the reporting threshold unless a card word is near.
     * Separators, if any, must all be the same character.
     */
    static double assess(String candidate) {
        if (candidate.indexOf(' ') >= 0 && candidate.indexOf('-') >= 0) {
            return 0;
        }
        int[] d = Checksums.digits(candidate);
        if (!Checksums.luhn(d) || Checksums.allSame(d)) {
            return 0;
        }
        if (scheme(candidate) == null) {
            return d.length >= 13 ? UNKNOWN_ISSUER : 0;
        }
        return d.length >= 13 ? 0.85 : 0.5;
    }
}
