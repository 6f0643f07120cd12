package dev.parapet.policy;

import java.util.regex.Pattern;

/** The shapes of the names a bundle directory's files use, shared by their readers. */
final class BundleNames {

    /** Tenant, principal and key ids: as the control plane issues them. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Roles: as the control plane issues them. */
    static final Pattern ROLE = Pattern.compile("[a-z][a-z_]{0,31}");

    /** A finding type ({@code pii.email}) or a whole family ({@code secret.*}). */
    static final Pattern FINDING_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+|[a-z][a-z0-9_]*\\.\\*");

    /** A detector signature or recognizer id, e.g. {@code INJ-OVR-001}, {@code DLP-EMAIL}, {@code L3-CLASSIFIER}. */
    static final Pattern SIGNATURE_ID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)+");

    /** An API-key scope, e.g. {@code chat} or {@code models:read}. */
    static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");

    /** The hash of an API key as {@link dev.parapet.core.SecretHash#of} writes it. */
    static final Pattern KEY_HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    private BundleNames() {
    }

    /** {@code value}, or an error at {@code node} saying what shape was expected. */
    static String check(YamlNode node, Pattern pattern, String value, String expected) throws PolicyBundleException {
        if (!pattern.matcher(value).matches()) {
            throw node.error("'" + value + "' is not " + expected);
        }
        return value;
    }
}
