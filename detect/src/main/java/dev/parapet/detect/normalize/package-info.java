/**
 * De-obfuscation: the extra views of a text that detectors scan so that trivial disguises do not
 * hide an attack — homoglyphs, leetspeak, letters split apart, text hidden in invisible Unicode
 * tag characters, and payloads encoded as base64, hex, URL-encoding or ROT13 (decoded to a
 * bounded depth). Every view carries a map from each of its characters back to the span of the
 * original text it came from, so findings in a view locate evidence in the original.
 *
 * <p>{@link dev.parapet.detect.normalize.Deobfuscator} produces the views (none for plain text,
 * so ordinary prompts cost nothing extra); {@link dev.parapet.detect.normalize.ObfuscationDetector}
 * reports the disguise itself as a finding.
 */
package dev.parapet.detect.normalize;
