package dev.parapet.policy;

import dev.parapet.core.Principal;

import java.nio.charset.StandardCharsets;

/**
 * Which principals a canary rule is enforced for: a stable bucket 0–99 per principal and rule
 * (FNV-1a over tenant, principal id and rule id, then a 64-bit finaliser), so that the same
 * caller always gets the same treatment and different rules pick different callers.
 */
final class CanarySelection {

    private CanarySelection() {
    }

    static boolean selected(Principal principal, String ruleId, int percent) {
        return bucket(principal.tenantId() + '\u0000' + principal.id() + '\u0000' + ruleId) < percent;
    }

    static int bucket(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, 100);
    }
}
