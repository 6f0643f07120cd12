/**
 * The {@code parapet policy} commands: bundle directories on disk — init, sign, verify, test —
 * and their versions in the control plane — publish, rollback, diff ({@code ControlClient} over
 * the JDK HTTP client). They print plain messages and exit non-zero on any failure; the bundle
 * logic itself lives in the {@code policy} module, versions in the {@code control} module.
 */
package dev.parapet.app.policy;
