package dev.parapet.detect.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The one table that maps Parapet finding types to the entity type names of the PII evaluation
 * files (Presidio's names). Findings of other types are ignored by the PII evaluation; gold spans
 * of types that are not a value here (PERSON, STREET_ADDRESS, GPE, ...) are reported apart and
 * left out of the overall figure, because no pattern-based detector can find them.
 */
public final class EntityTypes {

    /**
     * Finding type → evaluation entity type, in report order. Some finding types have no
     * detector yet; they are mapped now so that their gold spans count as missed in the overall
     * figure instead of silently dropping out of it.
     */
    public static final SequencedMap<String, String> FINDING_TO_ENTITY = table();

    private EntityTypes() {
    }

    private static SequencedMap<String, String> table() {
        SequencedMap<String, String> t = new LinkedHashMap<>();
        t.put("pii.email", "EMAIL_ADDRESS");
        t.put("pci.card_number", "CREDIT_CARD");
        t.put("pii.phone", "PHONE_NUMBER");
        t.put("pii.iban", "IBAN_CODE");
        t.put("pii.ip_address", "IP_ADDRESS");
        t.put("pii.us_ssn", "US_SSN");
        t.put("pii.us_driver_license", "US_DRIVER_LICENSE");
        t.put("pii.domain_name", "DOMAIN_NAME");
        return Collections.unmodifiableSequencedMap(t);
    }

    /** The evaluation entity type of a finding type, if it is mapped. */
    public static Optional<String> entityOf(String findingType) {
        return Optional.ofNullable(FINDING_TO_ENTITY.get(findingType));
    }

    /** Whether an evaluation entity type is one we map to, and so counts in the overall figure. */
    public static boolean isScored(String entityType) {
        return FINDING_TO_ENTITY.containsValue(entityType);
    }
}
