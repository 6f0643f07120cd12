package dev.parapet.detect.dlp;

import dev.parapet.core.Severity;

import java.util.List;
import java.util.regex.Pattern;

/** Recognizers for national identity, tax, travel, driving and vehicle documents. */
final class GovernmentIdRecognizers {

    private static final String NOT_ALNUM_BEFORE = "(?<![A-Za-z0-9-])";
    private static final String NOT_ALNUM_AFTER = "(?![A-Za-z0-9]|-\\d)";

    /** {@code AAA-GG-SSSS} (or with spaces, or bare with a context word) under the SSA's area/group/serial rules. */
    static final Recognizer US_SSN = new Recognizer("DLP-US-SSN", "pii.us_ssn", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{3}([- ]?)\\d{2}\\1\\d{4}" + NOT_ALNUM_AFTER),
            value -> NationalIdChecks.isUsSsn(value) ? (value.length() == 11 ? 0.6 : 0.3) : 0,
            ContextRule.raisedBy("ssn", "social security", "social sec", "ss#", "ssa")
                    .loweredBy("phone", "order", "invoice", "tracking", "routing", "account"),
            Anchor.digits(9, 11),
            "\\d{3}[- ]?\\d{2}[- ]?\\d{4}");

    static final Recognizer US_ITIN = new Recognizer("DLP-US-ITIN", "pii.us_itin", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "9\\d{2}([- ]?)\\d{2}\\1\\d{4}" + NOT_ALNUM_AFTER),
            value -> NationalIdChecks.isUsItin(value) ? (value.length() == 11 ? 0.6 : 0.3) : 0,
            ContextRule.raisedBy("itin", "taxpayer", "tax id", "tin"),
            Anchor.digits(9, 11),
            "9\\d{2}[- ]?\\d{2}[- ]?\\d{4}");

    static final Recognizer US_EIN = new Recognizer("DLP-US-EIN", "pii.us_ein", Severity.MEDIUM,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{2}-\\d{7}" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isUsEin, 0.4),
            ContextRule.raisedBy("ein", "employer identification", "fein", "tax id", "tin")
                    .loweredBy("order", "invoice", "ref", "case", "ticket"),
            Anchor.digits(9, 10),
            "\\d{2}-\\d{7}");

    /**
     * US state formats, united: a letter or two then 5–14 digits, 6–14 digits, the dashed
     * groupings some states print, or a Washington-style 12-character code. Needs a context word.
     */
    static final Recognizer US_DRIVER_LICENSE = new Recognizer("DLP-US-DL", "pii.us_driver_license", Severity.MEDIUM,
            Pattern.compile(NOT_ALNUM_BEFORE + "(?:[A-Za-z]{1,2}\\d{5,14}|\\d{6,14}"
                    + "|[A-Za-z]?\\d{3,4}-\\d{2,4}-\\d{3,5}(?:-\\d{1,3})?"
                    + "|[A-Za-z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d|[A-Za-z]{5}[A-Za-z*]{2}\\d{2}[A-Za-z0-9]{3})"
                    + NOT_ALNUM_AFTER),
            Validator.always(0.45),
            ContextRule.requires("driver", "driver's", "drivers", "driving", "licence", "license", "dl", "dln"),
            Anchor.digits(2, 20),
            "\\d{2}");

    /** US (9 digits or a letter and 8), UK, Canadian, Indian, German, ... formats; needs "passport". */
    static final Recognizer PASSPORT = new Recognizer("DLP-PASSPORT", "pii.passport_number", Severity.MEDIUM,
            Pattern.compile(NOT_ALNUM_BEFORE + "(?:[A-Za-z]{1,2}\\d{6,8}|\\d{8,9}|[CFGHJKLMNPRTVWXYZ][0-9CFGHJKLMNPRTVWXYZ]{8})"
                    + NOT_ALNUM_AFTER),
            value -> Checksums.allSame(Checksums.digits(value)) ? 0 : 0.45,
            ContextRule.requires("passport"),
            Anchor.WHOLE_TEXT,
            "\\d{6}|[CFGHJKLMNPRTVWXYZ][0-9CFGHJKLMNPRTVWXYZ]{8}");

    static final Recognizer UK_NINO = new Recognizer("DLP-UK-NINO", "pii.uk_nino", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isUkNino, 0.6),
            ContextRule.raisedBy("national insurance", "nino", "ni number", "nin"),
            Anchor.digits(6, 13),
            "[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");

    static final Recognizer CA_SIN = new Recognizer("DLP-CA-SIN", "pii.ca_sin", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{3}([- ]?)\\d{3}\\1\\d{3}" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isCanadianSin, 0.45),
            ContextRule.requires("sin", "social insurance", "nas", "assurance sociale"),
            Anchor.digits(9, 11),
            "\\d{3}[- ]?\\d{3}[- ]?\\d{3}");

    static final Recognizer IN_AADHAAR = new Recognizer("DLP-IN-AADHAAR", "pii.in_aadhaar", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "[2-9]\\d{3}([- ]?)\\d{4}\\1\\d{4}" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isAadhaar, 0.45),
            ContextRule.requires("aadhaar", "aadhar", "uidai", "uid"),
            Anchor.digits(12, 14),
            "[2-9]\\d{3}[- ]?\\d{4}[- ]?\\d{4}");

    static final Recognizer ES_NIF = new Recognizer("DLP-ES-NIF", "pii.es_nif", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "(?:\\d{8}|[XYZxyz]\\d{7})-?[A-Za-z]" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isSpanishNif, 0.7),
            ContextRule.raisedBy("dni", "nif", "nie", "documento"),
            Anchor.digits(7, 10),
            "\\d{7}-?[A-Za-z]");

    static final Recognizer IT_FISCAL_CODE = new Recognizer("DLP-IT-CF", "pii.it_fiscal_code", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "[A-Za-z]{6}\\d{2}[A-EHLMPR-Ta-ehlmpr-t]\\d{2}[A-Za-z]\\d{3}[A-Za-z]"
                    + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isItalianFiscalCode, 0.85),
            ContextRule.raisedBy("codice fiscale", "fiscal code", "cf"),
            Anchor.alnumRun(16, 16),
            "\\d{2}[A-EHLMPR-Ta-ehlmpr-t]\\d{2}[A-Za-z]\\d{3}[A-Za-z]");

    static final Recognizer BR_CPF = new Recognizer("DLP-BR-CPF", "pii.br_cpf", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "(?:\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{11})" + NOT_ALNUM_AFTER),
            value -> NationalIdChecks.isBrazilianCpf(value) ? (value.length() == 14 ? 0.75 : 0.3) : 0,
            ContextRule.raisedBy("cpf", "cadastro"),
            Anchor.digits(11, 14),
            "\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}|\\d{11}");

    static final Recognizer SG_NRIC = new Recognizer("DLP-SG-NRIC", "pii.sg_nric", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "[STFGstfg]\\d{7}[A-Za-z]" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isSingaporeNric, 0.75),
            ContextRule.raisedBy("nric", "fin", "ic"),
            Anchor.digits(7, 9),
            "\\d{7}[A-Za-z]");

    static final Recognizer PL_PESEL = new Recognizer("DLP-PL-PESEL", "pii.pl_pesel", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{11}" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isPolishPesel, 0.45),
            ContextRule.requires("pesel"),
            Anchor.digits(11, 11),
            "\\d{11}");

    static final Recognizer NL_BSN = new Recognizer("DLP-NL-BSN", "pii.nl_bsn", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{4}\\.?\\d{2}\\.?\\d{3}" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isDutchBsn, 0.45),
            ContextRule.requires("bsn", "burgerservicenummer", "sofinummer"),
            Anchor.digits(9, 11),
            "\\d{4}\\.?\\d{2}\\.?\\d{3}");

    static final Recognizer AU_TFN = new Recognizer("DLP-AU-TFN", "pii.au_tfn", Severity.HIGH,
            Pattern.compile(NOT_ALNUM_BEFORE + "\\d{3}([ -]?)\\d{3}\\1\\d{3}" + NOT_ALNUM_AFTER),
            Validator.when(NationalIdChecks::isAustralianTfn, 0.45),
            ContextRule.requires("tfn", "tax file"),
            Anchor.digits(9, 11),
            "\\d{3}[ -]?\\d{3}[ -]?\\d{3}");

    static final Recognizer VIN = new Recognizer("DLP-VIN", "pii.vin", Severity.LOW,
            Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![A-Za-z0-9])"),
            Validator.when(NationalIdChecks::isVin, 0.7),
            ContextRule.raisedBy("vin", "vehicle", "chassis", "car"),
            Anchor.alnumRun(17, 17),
            "[A-HJ-NPR-Za-hj-npr-z0-9]{17}");

    /** A calendar date (numeric, ISO or with a month name); needs a birth context word. */
    static final Recognizer DATE_OF_BIRTH = new Recognizer("DLP-DOB", "pii.date_of_birth", Severity.MEDIUM,
            Pattern.compile("(?<![\\w/.-])(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}"
                    + "|\\d{1,2}(?:st|nd|rd|th)? (?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?,? (?:19|20)\\d{2}"
                    + "|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2})"
                    + "(?![\\w/-]|\\.\\d)"),
            Validator.when(CalendarDates::isPlausibleDate, 0.45),
            ContextRule.requires("dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", "birthday"),
            Anchor.digits(4, 32),
            "(?:19|20)\\d{2}");

    private GovernmentIdRecognizers() {
    }

    static List<Recognizer> all() {
        return List.of(US_SSN, US_ITIN, US_EIN, US_DRIVER_LICENSE, PASSPORT, UK_NINO, CA_SIN, IN_AADHAAR,
                ES_NIF, IT_FISCAL_CODE, BR_CPF, SG_NRIC, PL_PESEL, NL_BSN, AU_TFN, VIN, DATE_OF_BIRTH);
    }
}
