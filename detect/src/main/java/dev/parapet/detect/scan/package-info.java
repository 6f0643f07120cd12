/**
 * One-pass multi-pattern scanning: every regular expression of a detector family (injection
 * signatures today; DLP recognizers and secret rules can join) compiles into one Hyperscan
 * database, and a text is scanned once for all of them.
 *
 * <p>The public surface is {@link dev.parapet.detect.scan.PatternDatabase} (compile, scan,
 * close), {@link dev.parapet.detect.scan.ScanPattern} (an id, a regex and how its spans are
 * located) and {@link dev.parapet.detect.scan.MatchListener} (the callback that receives
 * matches as UTF-16 spans of the scanned text). Native scratch space is pooled here, never
 * shared between threads.
 */
package dev.parapet.detect.scan;
