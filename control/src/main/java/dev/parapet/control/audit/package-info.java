/**
 * The control plane's administrative audit trail ({@link dev.parapet.control.audit.AdminAuditLog}):
 * an append-only record of who published or rolled back which policy version, written in the
 * same transaction as the change. An interim trail until the tamper-evident Merkle log of
 * issue #5.
 */
package dev.parapet.control.audit;
