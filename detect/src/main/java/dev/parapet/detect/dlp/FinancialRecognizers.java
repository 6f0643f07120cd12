package dev.parapet.detect.dlp;

import dev.parapet.core.Severity;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognizers for payment and banking identifiers and cryptocurrency addresses. */
final class FinancialRecognizers {

    /** ISO 3166 alpha-2 codes accepted in a SWIFT/BIC: the IBAN countries plus major non-IBAN ones. */
    private static final Set<String> BIC_COUNTRIES = Set.of(
            "US", "CA", "AU", "NZ", "JP", "CN", "HK", "SG", "IN", "KR", "TW", "ZA", "MX", "AR", "CL",
            "CO", "PE", "ID", "MY", "TH", "PH", "VN", "NG", "KE", "MA", "DZ");

    /** 12–19 digits, optionally grouped by single spaces or dashes, not inside a longer number. */
    static final Recognizer CARD = new Recognizer("DLP-PAN", "pci.card_number", Severity.HIGH,
            Pattern.compile("(?<![\\d+.,-])(?:\\d[ -]?){11,18}\\d(?!\\d|[.,-]\\d)"),
            CardIssuers::assess,
            ContextRule.raisedBy("card", "credit", "debit", "cc", "visa", "mastercard", "amex", "payment", "pay",
                            "charge", "billing", "billed", "expiry", "expires", "cvv", "pan")
                    .loweredBy("order", "invoice", "tracking", "ref", "reference", "isbn", "phone", "serial"),
            // at most one separator between digits: 12 of them lie within 23 characters
            Anchor.digits(12, 23, 40),
            "\\d(?:[ -]?\\d){11}");

    /** Country, check digits, then the account number compact or in groups of four. */
    static final Recognizer IBAN = new Recognizer("DLP-IBAN", "pii.iban", Severity.HIGH,
            Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}"
                    + "(?:[A-Za-z0-9]{11,30}+|(?: [A-Za-z0-9]{4}){2,7}+(?: [A-Za-z0-9]{1,3})?+)"
                    + "(?![A-Za-z0-9])"),
            Validator.when(Iban::isValid, 0.9),
            ContextRule.raisedBy("iban", "account", "transfer", "wire", "bank", "sepa"),
            Anchor.digits(10, 45),
            "\\d{2}(?:[A-Za-z0-9]{11}|(?: [A-Za-z0-9]{4}){2})");

    /** Nine digits with the ABA 3-7-1 checksum and a Federal Reserve prefix; needs a context word. */
    static final Recognizer ABA_ROUTING = new Recognizer("DLP-ABA", "pii.us_bank_routing", Severity.MEDIUM,
            Pattern.compile("(?<![\\d-])\\d{9}(?![\\d-])"),
            Validator.when(FinancialRecognizers::isAbaRouting, 0.5),
            ContextRule.requires("routing", "aba", "rtn", "transit number", "routing number"),
            Anchor.digits(9, 9),
            "\\d{9}");

    /** Bank (4 letters), ISO country, location, optional branch; needs a context word. */
    static final Recognizer SWIFT_BIC = new Recognizer("DLP-BIC", "pii.swift_bic", Severity.LOW,
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{4}([A-Z]{2})[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?(?![A-Za-z0-9])"),
            Validator.when(FinancialRecognizers::isBic, 0.5),
            ContextRule.requires("swift", "bic", "bank code", "bank identifier"),
            Anchor.WHOLE_TEXT,
            "[A-Z]{6}[A-Z2-9][A-NP-Z0-9]");

    /** Legacy (P2PKH, P2SH) Bitcoin addresses, checked by base58check. */
    static final Recognizer BITCOIN_BASE58 = new Recognizer("DLP-BTC-BASE58", "pii.crypto_address", Severity.MEDIUM,
            Pattern.compile("(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])"),
            Validator.when(CryptoAddresses::isBase58CheckBitcoin, 0.9),
            ContextRule.NONE,
            Anchor.alnumRun(26, 35),
            "[13][1-9A-HJ-NP-Za-km-z]{25}");

    /** Segwit Bitcoin addresses, checked by bech32 / bech32m. */
    static final Recognizer BITCOIN_BECH32 = new Recognizer("DLP-BTC-BECH32", "pii.crypto_address", Severity.MEDIUM,
            Pattern.compile("(?<![A-Za-z0-9])(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,71}(?![A-Za-z0-9])"),
            Validator.when(CryptoAddresses::isBech32Bitcoin, 0.9),
            ContextRule.NONE,
            Anchor.alnumRun(14, 74),
            "(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11}");

    /** Ethereum addresses: {@code 0x} and 40 hex digits (EIP-55 mixed-case checksum not verified). */
    static final Recognizer ETHEREUM = new Recognizer("DLP-ETH", "pii.crypto_address", Severity.MEDIUM,
            Pattern.compile("(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])"),
            Validator.always(0.7),
            ContextRule.raisedBy("eth", "ethereum", "wallet", "address", "send", "erc20")
                    .loweredBy("hash", "sha1", "commit", "digest", "checksum"),
            Anchor.alnumRun(42, 42),
            "0x[0-9a-fA-F]{40}");

    private FinancialRecognizers() {
    }

    static List<Recognizer> all() {
        return List.of(CARD, IBAN, ABA_ROUTING, SWIFT_BIC, BITCOIN_BASE58, BITCOIN_BECH32, ETHEREUM);
    }

    /** ABA: prefix 00–12, 21–32, 61–72 or 80, and 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10. */
    static boolean isAbaRouting(String s) {
        int[] d = Checksums.digits(s);
        if (d.length != 9 || Checksums.allSame(d)) {
            return false;
        }
        int prefix = d[0] * 10 + d[1];
        boolean knownPrefix = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72)
                || prefix == 80;
        return knownPrefix && Checksums.weightedSum(d, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
    }

    static boolean isBic(String s) {
        String country = s.substring(4, 6);
        return Iban.LENGTHS.containsKey(country) || BIC_COUNTRIES.contains(country);
    }
}
