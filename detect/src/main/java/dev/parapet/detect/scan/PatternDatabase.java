package dev.parapet.detect.scan;

import com.gliwka.hyperscan.jni.hyperscan;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
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
 * scanned text. How a pattern is compiled and reported depends on its {@link ScanPattern.Spans}:
 * <ul>
 *   <li>{@link ScanPattern.Spans#HYPERSCAN}: {@code HS_FLAG_SOM_LEFTMOST} and {@code HS_FLAG_UTF8};
 *       every match Hyperscan finds is reported (overlapping matches of one pattern are possible);</li>
 *   <li>{@link ScanPattern.Spans#CONFIRMED}: a widened, byte-mode form ({@link Prefilter}) that
 *       reports where its matches end; {@code java.util.regex} running the exact pattern then
 *       locates the non-overlapping spans, but only in windows that end at those ends and are as
 *       long as the longest possible match ({@link RegexWidth}; a bound that depends on the
 *       longest runs of {@code \w}, {@code \s}, ... in the text). Every exact match ends where
 *       the widened form ends, so the windows hold every match a scan of the whole text finds,
 *       and the confirmation costs time in proportion to the matches, not to the text. A pattern
 *       whose width cannot be bounded is confirmed over the whole text, once it fired;</li>
 *   <li>{@link ScanPattern.Spans#OCCURS}: {@code HS_FLAG_SINGLEMATCH}; reported once, with
 *       {@code start == end ==} the end of the first match Hyperscan found.</li>
 * </ul>
 * All with {@code HS_FLAG_CASELESS} when asked. The text is handed to Hyperscan as UTF-8 (an
 * unpaired surrogate becomes {@code ?}), and byte offsets are mapped back to UTF-16 offsets.
 *
 * <p>Instances are thread-safe: scratch space is pooled (at most {@value #MAX_SCANNERS} scanners)
 * and lent to one scan at a time. {@link #close()} frees the native database and scratch; call
 * it once no scan is running. A database that is dropped without being closed is freed when it
 * becomes unreachable.
 */
public final class PatternDatabase implements AutoCloseable {

    /** The most scratch spaces one database allocates; more concurrent scans wait. */
    public static final int MAX_SCANNERS = 32;

    private static final Cleaner NATIVE_MEMORY = Cleaner.create();

    private final List<ScanPattern> patterns;
    private final ScanPattern.Spans[] spans;
    private final Pattern[] confirmers;
    /** For confirmed patterns, the bound on a match's length; null when unknown (confirm over the whole text). */
    private final MatchWidth[] widths;
    /** For confirmed patterns, the search that skips positions where no match can begin. */
    private final RegexSearch[] searches;
    private final CharClasses classes;
    private final HyperscanDatabase database;
    private final ScannerPool scanners;
    private final Cleaner.Cleanable cleanable;

    private PatternDatabase(List<ScanPattern> patterns, Pattern[] confirmers, MatchWidth[] widths, RegexSearch[] searches,
                            CharClasses classes, HyperscanDatabase database) {
        this.patterns = patterns;
        this.spans = patterns.stream().map(ScanPattern::spans).toArray(ScanPattern.Spans[]::new);
        this.confirmers = confirmers;
        this.widths = widths;
        this.searches = searches;
        this.classes = classes;
        this.database = database;
        this.scanners = new ScannerPool(database, MAX_SCANNERS);
        ScannerPool pool = scanners;
        this.cleanable = NATIVE_MEMORY.register(this, () -> {
            pool.close();
            database.close();
        });
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
        List<String> expressions = new ArrayList<>(list.size());
        int[] flags = new int[list.size()];
        Pattern[] confirmers = new Pattern[list.size()];
        MatchWidth[] widths = new MatchWidth[list.size()];
        RegexSearch[] searches = new RegexSearch[list.size()];
        Map<String, BitSet> startClasses = new HashMap<>();
        CharClasses classes = new CharClasses();
        for (int i = 0; i < list.size(); i++) {
            ScanPattern p = list.get(i);
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("pattern " + p.id() + ": duplicate id");
            }
            int f = p.caseless() ? hyperscan.HS_FLAG_CASELESS : 0;
            String regex = p.regex();
            switch (p.spans()) {
                case HYPERSCAN -> f |= hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SOM_LEFTMOST;
                case OCCURS -> f |= hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH;
                case CONFIRMED -> {
                    if (Prefilter.hasNonAsciiClass(regex)) {
                        throw new IllegalArgumentException("pattern " + p.id()
                                + ": a character class holds a non-ASCII character; write (?:ü|Ü) instead of [üÜ]");
                    }
                    confirmers[i] = compileJava(p);
                    widths[i] = RegexWidth.of(p.regex(), classes);
                    searches[i] = RegexSearch.of(p.regex(), startClasses);
                    regex = Prefilter.widen(regex);
                }
            }
            expressions.add(regex);
            flags[i] = f;
        }
        try {
            return new PatternDatabase(list, confirmers, widths, searches, classes, HyperscanDatabase.compile(expressions, flags));
        } catch (HyperscanDatabase.CompileFailure e) {
            String id = e.index < 0 || e.index >= list.size() ? "?" : list.get(e.index).id();
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
        try {
            scanText(text, listener);
        } finally {
            Reference.reachabilityFence(this); // the cleaner must not free the native database mid-scan
        }
    }

    private void scanText(String text, MatchListener listener) {
        Objects.requireNonNull(listener, "listener");
        database.handle(); // fails once closed, even for an empty text
        if (text.isEmpty()) {
            return;
        }
        EncodedText encoded = EncodedText.of(text);
        int count;
        int[] ids;
        int[] froms;
        int[] tos;
        HyperscanScanner scanner = scanners.borrow();
        try {
            scanner.scan(encoded.bytes, encoded.bytes.length);
            count = scanner.count();
            if (count == 0) {
                return;
            }
            ids = Arrays.copyOf(scanner.ids(), count);
            froms = Arrays.copyOf(scanner.froms(), count);
            tos = Arrays.copyOf(scanner.tos(), count);
        } finally {
            scanners.release(scanner);
        }
        int[][] confirmedEnds = null;
        int[] confirmedCounts = null;
        for (int i = 0; i < count; i++) {
            int p = ids[i];
            switch (spans[p]) {
                case HYPERSCAN -> {
                    int start = encoded.startChar(froms[i]);
                    int end = encoded.endChar(tos[i]);
                    if (end > start) {
                        listener.onMatch(p, start, end);
                    }
                }
                case OCCURS -> {
                    int end = encoded.endChar(tos[i]);
                    listener.onMatch(p, end, end);
                }
                case CONFIRMED -> {
                    if (confirmedEnds == null) {
                        confirmedEnds = new int[patterns.size()][];
                        confirmedCounts = new int[patterns.size()];
                    }
                    int[] ends = confirmedEnds[p];
                    if (ends == null) {
                        ends = confirmedEnds[p] = new int[4];
                    } else if (confirmedCounts[p] == ends.length) {
                        ends = confirmedEnds[p] = Arrays.copyOf(ends, ends.length * 2);
                    }
                    ends[confirmedCounts[p]++] = encoded.endChar(tos[i]);
                }
            }
        }
        if (confirmedEnds != null) {
            confirm(text, confirmedEnds, confirmedCounts, listener);
        }
    }

    /** Locates the exact spans of each confirmed pattern that fired, in windows ending at its ends. */
    private void confirm(String text, int[][] ends, int[] counts, MatchListener listener) {
        int[] longestRuns = longestRuns(text, ends);
        for (int p = 0; p < ends.length; p++) {
            if (ends[p] == null) {
                continue;
            }
            Matcher m = confirmers[p].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            MatchWidth width = widths[p];
            if (width == null) {
                report(m, text, searches[p], 0, text.length(), p, listener);
                continue;
            }
            long reach = width.bound(longestRuns);
            int[] e = ends[p];
            int n = counts[p];
            Arrays.sort(e, 0, n);
            int from = -1;
            int to = -1;
            for (int k = 0; k < n; k++) {
                int windowFrom = (int) Math.max(0, e[k] - reach);
                if (from >= 0 && windowFrom <= to) {
                    to = Math.max(to, e[k]);
                    continue;
                }
                if (from >= 0) {
                    report(m, text, searches[p], from, to, p, listener);
                }
                from = windowFrom;
                to = e[k];
            }
            report(m, text, searches[p], from, to, p, listener);
        }
    }

    private static void report(Matcher m, String text, RegexSearch search, int from, int to, int pattern,
                               MatchListener listener) {
        search.forEach(m, text, from, to, found -> listener.onMatch(pattern, found.start(), found.end()));
    }

    /** The longest run in {@code text} of each character class the fired patterns' widths depend on. */
    private int[] longestRuns(String text, int[][] ends) {
        boolean[] needed = new boolean[classes.size()];
        boolean any = false;
        for (int p = 0; p < ends.length; p++) {
            if (ends[p] != null && widths[p] != null) {
                for (int c = 0; c < needed.length; c++) {
                    if (widths[p].uses(c)) {
                        needed[c] = true;
                        any = true;
                    }
                }
            }
        }
        return any ? classes.longestRuns(text, needed) : new int[needed.length];
    }

    /** Frees the native database and scratch space. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
