/**
 * Policy simulation: re-deciding a tenant's recorded decisions under a draft bundle and reporting
 * what would change ({@code POST /v1/policy/simulate}, {@code parapet policy simulate}). Only the
 * recorded decision inputs are used — principal, request metadata, findings without spans, risk,
 * time — never content.
 */
package dev.parapet.control.simulation;
