package dev.parapet.detect.scan;

import com.gliwka.hyperscan.wrapper.CompileErrorException;
import com.gliwka.hyperscan.wrapper.Database;
import com.gliwka.hyperscan.wrapper.Expression;
import com.gliwka.hyperscan.wrapper.ExpressionFlag;
import com.gliwka.hyperscan.wrapper.Match;
import com.gliwka.hyperscan.wrapper.Scanner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Many regular expressions compiled into one Hyperscan database, so that a text is scanned once
 * for all of them, in time linear in its length.
 *
 * <p>Each {@link ScanPattern} is registered under its index in the compile list; matches come
 * back to a {@link MatchListener} as {@code (index, start, end)} with UTF-16 offsets into the
 * scanned text. {@link ScanPattern.Spans#HYPERSCAN} patterns are compiled with
 * {@code HS_FLAG_SOM_LEFTMOST} and report every match Hyperscan finds (overlapping matches of one
 * pattern are possible); {@link ScanPattern.Spans#CONFIRMED} patterns are compiled with
 * {@code HS_FLAG_SINGLEMATCH} in a widened, byte-mode form ({@link Prefilter}), and once one
 * fires its non-overlapping spans are located with {@code java.util.regex} running the exact
 * pattern (Hyperscan cannot report starts for patterns with wide bounded gaps). Hyperscan-span
 * patterns are compiled with {@code HS_FLAG_UTF8}; all with {@code HS_FLAG_CASELESS} when asked.
 *
 * <p>Instances are thread-safe: scratch space is pooled (at most {@value #MAX_SCANNERS} scanners)
 * and lent to one scan at a time. {@link #close()} frees the native database and scratch; call
 * it once no scan is running.
 */
public final class PatternDatabase implements AutoCloseable {

    /** The most scratch spaces one database allocates; more concurrent scans wait. */
    public static final int MAX_SCANNERS = 32;

    private final List<ScanPattern> patterns;
    private final Pattern[] confirmers;
    private final Database database;
    private final ScannerPool scanners;

    private PatternDatabase(List<ScanPattern> patterns, Pattern[] confirmers, Database database) {
        this.patterns = patterns;
        this.confirmers = confirmers;
        this.database = database;
        this.scanners = new ScannerPool(database, MAX_SCANNERS);
    }

    /**
     * Compiles the patterns into one database.
     *
     * @param patterns the patterns, at least one; ids must be unique
     * @return the compiled database, which the caller must close
     * @throws IllegalArgumentException naming the pattern id, when an id repeats or a pattern does
     *                                  not compile (in Hyperscan or, for confirmed patterns, in java.util.regex)
     */
    public static PatternDatabase compile(List<ScanPattern> patterns) {
        List<ScanPattern> list = List.copyOf(patterns);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("pattern database: no patterns");
        }
        Set<String> ids = new HashSet<>();
        List<Expression> expressions = new ArrayList<>(list.size());
        Pattern[] confirmers = new Pattern[list.size()];
        for (int i = 0; i < list.size(); i++) {
            ScanPattern p = list.get(i);
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("pattern " + p.id() + ": duplicate id");
            }
            EnumSet<ExpressionFlag> flags = EnumSet.noneOf(ExpressionFlag.class);
            if (p.caseless()) {
                flags.add(ExpressionFlag.CASELESS);
            }
            String regex = p.regex();
            if (p.spans() == ScanPattern.Spans.HYPERSCAN) {
                flags.add(ExpressionFlag.UTF8);
                flags.add(ExpressionFlag.SOM_LEFTMOST);
            } else {
                if (Prefilter.hasNonAsciiClass(regex)) {
                    throw new IllegalArgumentException("pattern " + p.id()
                            + ": a character class holds a non-ASCII character; write (?:ü|Ü) instead of [üÜ]");
                }
                flags.add(ExpressionFlag.SINGLEMATCH);
                confirmers[i] = compileJava(p);
                regex = Prefilter.widen(regex);
            }
            expressions.add(new Expression(regex, flags, i));
        }
        try {
            return new PatternDatabase(list, confirmers, Database.compile(expressions));
        } catch (CompileErrorException e) {
            Expression failed = e.getFailedExpression();
            String id = failed == null || failed.getId() == null ? "?" : list.get(failed.getId()).id();
            throw new IllegalArgumentException("pattern " + id + ": Hyperscan cannot compile it: " + e.getMessage(), e);
        }
    }

    private static Pattern compileJava(ScanPattern p) {
        try {
            return Pattern.compile(p.regex(), p.caseless() ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern " + p.id() + ": java.util.regex cannot compile it: "
                    + e.getDescription(), e);
        }
    }

    /** The number of patterns. */
    public int size() {
        return patterns.size();
    }

    /** The pattern registered under {@code index}. */
    public ScanPattern pattern(int index) {
        return patterns.get(index);
    }

    /**
     * Scans {@code text} once for every pattern and reports each match.
     *
     * @param text     the text to scan
     * @param listener receives the matches, on this thread, before this method returns
     */
    public void scan(String text, MatchListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (text.isEmpty()) {
            return;
        }
        List<Match> matches;
        Scanner scanner = scanners.borrow();
        try {
            matches = scanner.scan(database, text);
        } finally {
            scanners.release(scanner);
        }
        if (matches.isEmpty()) {
            return;
        }
        BitSet confirmed = new BitSet(patterns.size());
        for (Match m : matches) {
            int index = m.getMatchedExpression().getId();
            Pattern confirmer = confirmers[index];
            if (confirmer == null) {
                int start = (int) m.getStartPosition();
                int end = endAfter(text, (int) m.getEndPosition());
                if (end > start) {
                    listener.onMatch(index, start, end);
                }
            } else if (!confirmed.get(index)) {
                confirmed.set(index);
                Matcher jm = confirmer.matcher(text);
                while (jm.find()) {
                    if (jm.end() > jm.start()) {
                        listener.onMatch(index, jm.start(), jm.end());
                    }
                }
            }
        }
    }

    /** The exclusive end after the inclusive end index the wrapper reports, kept off a surrogate pair's middle. */
    private static int endAfter(String text, int inclusiveEnd) {
        int end = inclusiveEnd + 1;
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return Math.min(end, text.length());
    }

    /** Frees the native database and scratch space. */
    @Override
    public void close() {
        scanners.close();
        database.close();
    }
}
