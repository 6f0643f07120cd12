package dev.parapet.detect.dlp;

import java.util.regex.Pattern;

/** Structure checks for IPv6 addresses and credentials embedded in URLs. */
final class NetworkAddresses {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\*+|x+|X+|\\.{3}|<[^>]*>|\\$\\{[^}]*}|\\{\\{[^}]*}}|%[A-Za-z_]+%|\\$[A-Z_]+|password|pass|secret|changeme");

    private NetworkAddresses() {
    }

    /**
     * Whether {@code s} is an IPv6 address in full or compressed form: 1–4 hex digits per group,
     * eight groups, or two to seven with exactly one {@code ::}, so that times ({@code 12:30:45})
     * and loopback-like fragments ({@code ::1}) do not qualify.
     */
    static boolean isIpv6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if ((s.startsWith(":") && !s.startsWith("::")) || (s.endsWith(":") && !s.endsWith("::"))) {
            return false;
        }
        int groups = 0;
        for (String p : s.split(":", -1)) {
            if (p.length() > 4) {
                return false;
            }
            if (!p.isEmpty()) {
                groups++;
            }
        }
        return doubleColon < 0 ? groups == 8 : groups >= 2 && groups <= 7;
    }

    /** Whether a {@code scheme://user:password@host} candidate carries a real-looking password. */
    static boolean hasRealPassword(String s) {
        int schemeEnd = s.indexOf("://");
        int at = s.lastIndexOf('@');
        int colon = s.indexOf(':', schemeEnd + 3);
        if (schemeEnd < 0 || at < 0 || colon < 0 || colon > at) {
            return false;
        }
        String password = s.substring(colon + 1, at);
        return !password.isEmpty() && !PLACEHOLDER.matcher(password).matches();
    }
}
