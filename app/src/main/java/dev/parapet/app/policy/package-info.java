/**
 * The {@code parapet policy} commands: bundle directories on disk — init, sign, verify, test.
 * They print plain messages and exit non-zero on any failure; the bundle logic itself lives in
 * the {@code policy} module.
 */
package dev.parapet.app.policy;
