package dev.parapet.detect.dlp;

import java.util.Locale;
import java.util.Set;

/**
 * Registrable domain names: a host whose top-level label is a real TLD. A host that comes with
 * a URL scheme or a {@code www.} label may use any TLD of {@link #TLDS}; a bare host must use one
 * of {@link #BARE_TLDS}, which leaves out TLDs that are also common file extensions
 * ({@code .py}, {@code .sh}, {@code .md}, {@code .rs}, {@code .pl}, {@code .cc}, ...).
 */
final class DomainNames {

    /** Generic TLDs in wide use and ISO 3166 country-code TLDs (a subset of the IANA root zone). */
    static final Set<String> TLDS = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "app", "dev",
            "io", "ai", "co", "xyz", "online", "site", "shop", "store", "tech", "cloud", "blog", "news", "media",
            "agency", "email", "live", "life", "world", "today", "company", "solutions", "services", "digital",
            "network", "systems", "group", "global", "club", "page", "top", "link", "website", "space", "bank",
            "ac", "ad", "ae", "af", "ag", "al", "am", "ao", "ar", "as", "at", "au", "az", "ba", "bd", "be", "bg",
            "bh", "bo", "br", "by", "bz", "ca", "cc", "ch", "cl", "cm", "cn", "cr", "cu", "cy", "cz", "de", "dk",
            "do", "dz", "ec", "ee", "eg", "es", "et", "eu", "fi", "fj", "fm", "fr", "ge", "gg", "gh", "gi", "gl",
            "gr", "gt", "hk", "hn", "hr", "hu", "id", "ie", "il", "im", "in", "iq", "ir", "is", "it", "je", "jm",
            "jo", "jp", "ke", "kg", "kh", "kr", "kw", "kz", "la", "lb", "li", "lk", "lt", "lu", "lv", "ly", "ma",
            "mc", "md", "me", "mk", "mn", "mo", "mt", "mu", "mx", "my", "mz", "na", "ng", "ni", "nl", "no", "np",
            "nu", "nz", "om", "pa", "pe", "ph", "pk", "pl", "pr", "ps", "pt", "py", "qa", "ro", "rs", "ru", "rw",
            "sa", "sc", "se", "sg", "sh", "si", "sk", "sn", "so", "st", "su", "sv", "sy", "th", "tj", "tk", "tm",
            "tn", "to", "tr", "tt", "tv", "tw", "tz", "ua", "ug", "uk", "us", "uy", "uz", "va", "ve", "vn", "ws",
            "za", "zm", "zw");

    /** TLDs accepted on a bare host: those that are rarely a file extension or code member. */
    static final Set<String> BARE_TLDS = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "info", "biz", "app", "dev", "io", "ai", "co", "xyz",
            "online", "site", "shop", "store", "tech", "cloud", "blog", "news", "email", "live", "bank",
            "us", "uk", "ca", "au", "nz", "de", "fr", "es", "nl", "be", "ch", "at", "se", "dk", "fi", "ie",
            "pt", "br", "mx", "ar", "cl", "jp", "cn", "kr", "ru", "za", "sg", "hk", "tw", "eu", "cz", "hu",
            "gr", "ro", "tr", "ua", "il", "ee", "lt", "lv", "sk", "si", "hr", "bg", "lu");

    private DomainNames() {
    }

    /**
     * Base confidence of a host or URL candidate: 0.85 with a scheme, 0.8 for {@code www.},
     * 0.5 for a bare host with a safe TLD, 0 otherwise.
     */
    static double assess(String candidate) {
        String rest = candidate;
        boolean scheme = false;
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd >= 0) {
            rest = rest.substring(schemeEnd + 3);
            scheme = true;
        }
        int hostEnd = 0;
        while (hostEnd < rest.length() && rest.charAt(hostEnd) != '/' && rest.charAt(hostEnd) != ':') {
            hostEnd++;
        }
        String host = rest.substring(0, hostEnd).toLowerCase(Locale.ROOT);
        int lastDot = host.lastIndexOf('.');
        if (lastDot <= 0) {
            return 0;
        }
        String tld = host.substring(lastDot + 1);
        String secondLevel = host.substring(host.lastIndexOf('.', lastDot - 1) + 1, lastDot);
        if (!TLDS.contains(tld) || secondLevel.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        if (scheme) {
            return 0.85;
        }
        if (host.startsWith("www.")) {
            return 0.8;
        }
        boolean pathOrPort = hostEnd < rest.length();
        return BARE_TLDS.contains(tld) && secondLevel.length() >= 2 && !pathOrPort ? 0.5 : 0;
    }
}
