package dev.parapet.detect.dlp;

import dev.parapet.core.Severity;

import java.util.List;
import java.util.regex.Pattern;

/** Recognizers for network and device identifiers: IP and MAC addresses, domains, URL credentials, IMEI. */
final class NetworkRecognizers {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    /** Dotted quad with octets 0–255, not part of a longer dotted number or a word. */
    static final Recognizer IPV4 = new Recognizer("DLP-IPV4", "pii.ip_address", Severity.LOW,
            Pattern.compile("(?<![\\w.])(?:" + OCTET + "\\.){3}" + OCTET + "(?![\\w]|\\.\\w)"),
            Validator.always(0.85),
            ContextRule.raisedBy("ip", "address", "host", "server", "client", "addr")
                    .loweredBy("version", "release", "build", "v", "ver", "firmware"),
            Anchor.digits(4, 15),
            "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** Hex groups and colons, judged by {@link NetworkAddresses#isIpv6}. */
    static final Recognizer IPV6 = new Recognizer("DLP-IPV6", "pii.ip_address", Severity.LOW,
            Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:]{2,39}+(?![\\w:.])"),
            Validator.when(NetworkAddresses::isIpv6, 0.85),
            ContextRule.NONE,
            Anchor.token(Anchor.Kind.COLON),
            ":[0-9A-Fa-f:]|[0-9A-Fa-f]:");

    /** Six hex pairs separated by one kind of colon or dash, or Cisco's three dotted quads. */
    static final Recognizer MAC = new Recognizer("DLP-MAC", "pii.mac_address", Severity.LOW,
            Pattern.compile("(?<![\\w:.-])(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}"
                    + "|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})(?![\\w:.-])"),
            Validator.always(0.75),
            ContextRule.raisedBy("mac", "ethernet", "wifi", "wi-fi", "hardware address", "bssid", "nic"),
            Anchor.token(Anchor.Kind.MAC_SEPARATOR),
            "[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}");

    /**
     * {@code scheme://user:password@host} with a password that is not a placeholder. More
     * confident than an e-mail address, so that {@code password@host} is not reported as one.
     */
    static final Recognizer URL_CREDENTIALS = new Recognizer("DLP-URL-CREDENTIALS", "pii.url_credentials",
            Severity.HIGH,
            Pattern.compile("(?<![\\w+.-])[A-Za-z][A-Za-z0-9+.-]{1,15}+://[^\\s:/@?#]{1,64}+:[^\\s/@?#]{1,128}+@"
                    + "[A-Za-z0-9.-]{1,253}+(?::\\d{1,5})?"),
            Validator.when(NetworkAddresses::hasRealPassword, 0.97),
            ContextRule.NONE,
            Anchor.token(Anchor.Kind.AT),
            "[A-Za-z0-9+.-]://");

    /**
     * A host of up to 9 LDH labels with a known TLD, alone or as a URL (scheme, optional port and
     * path; trailing punctuation is left out of the span).
     */
    static final Recognizer DOMAIN_NAME = new Recognizer("DLP-DOMAIN", "pii.domain_name", Severity.LOW,
            Pattern.compile("(?<![\\w@.-])(?:(?i:https?|ftp)://)?"
                    + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}+(?<=[A-Za-z0-9]))?+\\.){1,8}+[A-Za-z]{2,24}+"
                    + "(?![\\w@-])(?::\\d{2,5})?"
                    + "(?:/[^\\s\"'<>()\\[\\]{}]{0,512}?(?=[.,;:!?]*+(?:[\\s\"'<>()\\[\\]{}]|$)))?"),
            DomainNames::assess,
            ContextRule.raisedBy("website", "site", "domain", "url", "visit", "link", "web"),
            Anchor.token(Anchor.Kind.INNER_DOT),
            "[A-Za-z0-9]\\.[A-Za-z]{2}");

    /** 15-digit IMEI with Luhn; needs a context word. */
    static final Recognizer IMEI = new Recognizer("DLP-IMEI", "pii.imei", Severity.LOW,
            Pattern.compile("(?<![\\d-])\\d{2}([ -]?)\\d{6}\\1\\d{6}\\1\\d(?![\\d-])"),
            Validator.when(value -> Checksums.luhn(Checksums.digits(value)), 0.45),
            ContextRule.requires("imei", "device id"),
            Anchor.digits(15, 18),
            "\\d{2}[ -]?\\d{6}[ -]?\\d{6}[ -]?\\d");

    private NetworkRecognizers() {
    }

    static List<Recognizer> all() {
        return List.of(IPV4, IPV6, MAC, URL_CREDENTIALS, DOMAIN_NAME, IMEI);
    }
}
