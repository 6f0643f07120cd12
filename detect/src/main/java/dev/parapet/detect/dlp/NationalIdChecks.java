package dev.parapet.detect.dlp;

import java.util.Locale;
import java.util.Set;

/** Structure and check-digit rules of national identity, tax and vehicle numbers. */
final class NationalIdChecks {

    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
            22, 25, 24, 23};
    private static final String VIN_VALUES = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private NationalIdChecks() {
    }

    /** US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000; not one digit repeated. */
    static boolean isUsSsn(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 9 || Checksums.allSame(d)) {
            return false;
        }
        int area = d[0] * 100 + d[1] * 10 + d[2];
        int group = d[3] * 10 + d[4];
        int serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
                && !s.replace("-", "").replace(" ", "").equals("123456789");
    }

    /** US ITIN: 9xx, group 50–65, 70–88, 90–92 or 94–99. */
    static boolean isUsItin(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 9 || d[0] != 9) {
            return false;
        }
        int group = d[3] * 10 + d[4];
        return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92)
                || group >= 94;
    }

    /** US EIN: a campus prefix the IRS assigns (not 00, 07–09, 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97). */
    static boolean isUsEin(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 9 || Checksums.allSame(d)) {
            return false;
        }
        int p = d[0] * 10 + d[1];
        return switch (p) {
            case 0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97 -> false;
            default -> true;
        };
    }

    /** Canadian SIN: Luhn, first digit not 0 or 8. */
    static boolean isCanadianSin(String s) {
        int[] d = Checksums.digits(s);
        return d.length == 9 && d[0] != 0 && d[0] != 8 && !Checksums.allSame(d) && Checksums.luhn(d);
    }

    /** Aadhaar: 12 digits, first 2–9, Verhoeff check digit. */
    static boolean isAadhaar(String s) {
        int[] d = Checksums.digits(s);
        return d.length == 12 && d[0] >= 2 && !Checksums.allSame(d) && Checksums.verhoeff(d);
    }

    /** Spanish DNI/NIF (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter), letter = number mod 23. */
    static boolean isSpanishNif(String s) {
        String c = s.replace("-", "").toUpperCase(Locale.ROOT);
        char first = c.charAt(0);
        String digits = switch (first) {
            case 'X' -> "0" + c.substring(1, 8);
            case 'Y' -> "1" + c.substring(1, 8);
            case 'Z' -> "2" + c.substring(1, 8);
            default -> c.substring(0, 8);
        };
        int n = Integer.parseInt(digits);
        return NIF_LETTERS.charAt(n % 23) == c.charAt(8);
    }

    /** Italian codice fiscale: the 16th character is the odd/even weighted sum of the first 15, mod 26. */
    static boolean isItalianFiscalCode(String s) {
        String c = s.toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = c.charAt(i);
            int v = Checksums.isDigit(ch) ? ch - '0' : ch - 'A';
            sum += (i % 2 == 0) ? CF_ODD[v] : v;
        }
        return c.charAt(15) == (char) ('A' + sum % 26);
    }

    /** Brazilian CPF: two mod-11 check digits. */
    static boolean isBrazilianCpf(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 11 || Checksums.allSame(d)) {
            return false;
        }
        int first = Checksums.weightedSum(d, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
        int second = Checksums.weightedSum(d, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) * 10 % 11 % 10;
        return d[9] == first && d[10] == second;
    }

    /** Singapore NRIC/FIN (S, T, F, G): weights 2,7,6,5,4,3,2 plus a series offset select the check letter. */
    static boolean isSingaporeNric(String s) {
        String c = s.toUpperCase(Locale.ROOT);
        int[] d = Checksums.digits(c);
        int sum = Checksums.weightedSum(d, 2, 7, 6, 5, 4, 3, 2);
        char series = c.charAt(0);
        if (series == 'T' || series == 'G') {
            sum += 4;
        }
        String letters = (series == 'S' || series == 'T') ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
        return letters.charAt(sum % 11) == c.charAt(8);
    }

    /** Polish PESEL: weights 1,3,7,9,1,3,7,9,1,3; check = (10 − sum mod 10) mod 10. */
    static boolean isPolishPesel(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 11 || Checksums.allSame(d)) {
            return false;
        }
        int sum = Checksums.weightedSum(d, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3);
        return (10 - sum % 10) % 10 == d[10];
    }

    /** Dutch BSN: the "11-test", 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11. */
    static boolean isDutchBsn(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 9 || Checksums.allSame(d)) {
            return false;
        }
        int sum = Checksums.weightedSum(d, 9, 8, 7, 6, 5, 4, 3, 2) - d[8];
        return sum % 11 == 0;
    }

    /** Australian TFN: weights 1,4,3,7,5,8,6,9,10, sum ≡ 0 mod 11. */
    static boolean isAustralianTfn(String s) {
        int[] d = Checksums.digits(s);
        return d.length == 9 && !Checksums.allSame(d)
                && Checksums.weightedSum(d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0;
    }

    /** UK NINO: two prefix letters (not D, F, I, Q, U, V; second not O; not BG, GB, NK, KN, TN, NT, ZZ). */
    static boolean isUkNino(String s) {
        String c = s.replace(" ", "").toUpperCase(Locale.ROOT);
        String prefix = c.substring(0, 2);
        if ("DFIQUV".indexOf(c.charAt(0)) >= 0 || "DFIQUVO".indexOf(c.charAt(1)) >= 0) {
            return false;
        }
        return !Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix);
    }

    /** VIN: 17 characters without I, O, Q; position 9 is the North American check digit (0–9 or X). */
    static boolean isVin(String s) {
        String c = s.toUpperCase(Locale.ROOT);
        int sum = 0;
        boolean hasLetter = false;
        boolean hasDigit = false;
        for (int i = 0; i < 17; i++) {
            char ch = c.charAt(i);
            int idx = VIN_VALUES.indexOf(ch);
            if (idx < 0 || ch == '.') {
                return false;
            }
            int v = Checksums.isDigit(ch) ? ch - '0' : vinLetterValue(ch);
            hasLetter |= !Checksums.isDigit(ch);
            hasDigit |= Checksums.isDigit(ch);
            sum += v * VIN_WEIGHTS[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return hasLetter && hasDigit && c.charAt(8) == expected;
    }

    private static int vinLetterValue(char ch) {
        if (ch <= 'H') {
            return ch - 'A' + 1;
        }
        if (ch <= 'N') {
            return ch - 'J' + 1;
        }
        if (ch == 'P') {
            return 7;
        }
        if (ch == 'R') {
            return 9;
        }
        return ch - 'S' + 2;
    }
}
