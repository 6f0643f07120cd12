package dev.parapet.control.provisioning;

/**
 * An active API key as the gateway needs it to authenticate callers: its hash, never the key.
 *
 * @param id            stable id of the key (UUIDv7)
 * @param tenantId      the tenant the key belongs to
 * @param keyHash       {@link dev.parapet.core.SecretHash#of} of the key
 * @param displayPrefix the part of the key safe to show, e.g. {@code pk_AbC1}
 * @param principalId   the caller the key authenticates
 * @param role          the caller's role, e.g. {@code developer}
 */
public record ApiKeyRecord(String id, String tenantId, String keyHash, String displayPrefix, String principalId,
        String role) {
}
