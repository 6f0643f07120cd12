package dev.parapet.gateway.bundles;

import dev.parapet.policy.PolicyBundle;
import java.util.Objects;

/** Whether a {@link BundleCandidate} may be enforced: {@link Admitted} or {@link Refused}. */
public sealed interface Admission permits Admission.Admitted, Admission.Refused {

    /** Every check passed; {@code bundle} is parsed, compiled and ready to enforce. */
    record Admitted(PolicyBundle bundle) implements Admission {
        public Admitted {
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /**
     * The bundle must not be enforced.
     *
     * @param reason the stable code
     * @param detail what was wrong, naming files, keys and digests but never quoting bundle content
     */
    record Refused(RefusalReason reason, String detail) implements Admission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
