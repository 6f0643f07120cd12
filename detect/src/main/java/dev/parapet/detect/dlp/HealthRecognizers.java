package dev.parapet.detect.dlp;

import dev.parapet.core.Severity;

import java.util.List;
import java.util.regex.Pattern;

/** Recognizers for health identifiers (family {@code phi}). */
final class HealthRecognizers {

    private static final String NOT_ALNUM_BEFORE = "(?<![A-Za-z0-9-])";
    private static final String NOT_ALNUM_AFTER = "(?![A-Za-z0-9]|-\\d)";

    /** US National Provider Identifier: 10 digits starting 1 or 2, Luhn over {@code 80840} + the number. */
    static final Recognizer US_NPI = new Recognizer("DLP-US-NPI", "phi.us_npi", Severity.MEDIUM,
            Pattern.compile(NOT_ALNUM_BEFORE + "[12]\\d{9}" + NOT_ALNUM_AFTER),
            Validator.when(HealthRecognizers::isNpi, 0.45),
            ContextRule.requires("npi", "provider", "national provider"),
            Anchor.digits(10, 10),
            "[12]\\d{9}");

    /** DEA registration: two letters and seven digits with the DEA checksum. */
    static final Recognizer US_DEA = new Recognizer("DLP-US-DEA", "phi.us_dea_number", Severity.MEDIUM,
            Pattern.compile(NOT_ALNUM_BEFORE + "[ABCDEFGHJKLMPRSTUXabcdefghjklmprstux][A-Za-z9]\\d{7}" + NOT_ALNUM_AFTER),
            Validator.when(HealthRecognizers::isDea, 0.6),
            ContextRule.raisedBy("dea", "prescriber", "registration"),
            Anchor.digits(7, 9),
            "\\d{7}");

    /** UK NHS number: 10 digits (3-3-4) with the mod-11 check digit; needs a context word. */
    static final Recognizer UK_NHS = new Recognizer("DLP-UK-NHS", "phi.uk_nhs_number", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{3}([ -]?)\\d{3}\\1\\d{4}" + NOT_ALNUM_AFTER),
            Validator.when(HealthRecognizers::isNhsNumber, 0.45),
            ContextRule.requires("nhs", "health service", "chi number"),
            Anchor.digits(10, 12),
            "\\d{3}[ -]?\\d{3}[ -]?\\d{4}");

    /** Medical record number: an optional short prefix and 5–10 digits; needs a context word. */
    static final Recognizer MEDICAL_RECORD_NUMBER = new Recognizer("DLP-MRN", "phi.medical_record_number",
            Severity.MEDIUM,
            Pattern.compile(NOT_ALNUM_BEFORE + "(?:[A-Za-z]{1,3}[- ]?)?\\d{5,10}" + NOT_ALNUM_AFTER),
            value -> Checksums.allSame(Checksums.digits(value)) ? 0 : 0.45,
            ContextRule.requires("mrn", "medical record", "patient id", "patient number", "chart number"),
            Anchor.digits(5, 15),
            "\\d{5}");

    /** US Medicare Beneficiary Identifier: 11 characters in the CMS position rules (no S, L, O, I, B, Z). */
    static final Recognizer US_MBI = new Recognizer("DLP-US-MBI", "phi.us_mbi", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?"
                    + "[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2}" + NOT_ALNUM_AFTER),
            Validator.always(0.6),
            ContextRule.raisedBy("medicare", "mbi", "beneficiary"),
            Anchor.digits(5, 13),
            "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2}");

    private HealthRecognizers() {
    }

    static List<Recognizer> all() {
        return List.of(US_NPI, US_DEA, UK_NHS, MEDICAL_RECORD_NUMBER, US_MBI);
    }

    static boolean isNpi(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 10) {
            return false;
        }
        int[] prefixed = new int[15];
        prefixed[0] = 8;
        prefixed[1] = 0;
        prefixed[2] = 8;
        prefixed[3] = 4;
        prefixed[4] = 0;
        System.arraycopy(d, 0, prefixed, 5, 10);
        return Checksums.luhn(prefixed);
    }

    /** (d1 + d3 + d5) + 2·(d2 + d4 + d6), last digit equals d7. */
    static boolean isDea(String s) {
        int[] d = Checksums.digits(s.substring(2));
        if (d.length != 7 || Checksums.allSame(d)) {
            return false;
        }
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    /** Weights 10..2 over the first nine digits; check = 11 − sum mod 11 (11 → 0, 10 invalid). */
    static boolean isNhsNumber(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 10 || Checksums.allSame(d)) {
            return false;
        }
        int check = 11 - Checksums.weightedSum(d, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d[9];
    }
}
