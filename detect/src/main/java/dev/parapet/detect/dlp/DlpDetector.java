package dev.parapet.detect.dlp;

import dev.parapet.core.Finding;
import dev.parapet.detect.Detector;
import dev.parapet.detect.scan.Matches;
import dev.parapet.detect.scan.OnePassScanner;
import dev.parapet.detect.scan.PatternFamily;
import dev.parapet.detect.scan.RegexSearch;
import dev.parapet.detect.scan.ScanPattern;
import dev.parapet.detect.scan.ScannedView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Finds personal, payment, health and network identifiers — more than 30 entity types — with a
 * checksum or structure validator where one exists and context words that raise or lower
 * confidence (see {@code docs/detection-dlp.md} for the table).
 *
 * <p>Types are {@code pii.<kind>} (e.g. {@code pii.email}, {@code pii.phone}, {@code pii.iban},
 * {@code pii.us_ssn}, {@code pii.ip_address}, {@code pii.domain_name}), {@code pci.card_number}
 * for payment cards and {@code phi.<kind>} for health identifiers. When candidates of different
 * recognizers overlap, the most confident (then the longest) wins, so an e-mail's domain is not
 * also a domain name and a card number is not also a phone number.
 *
 * <p>Instances are immutable and thread-safe. As a {@link PatternFamily}, the detector's patterns
 * are each recognizer's {@link Recognizer#gate() gate} and the words that required contexts
 * need; in the engine Hyperscan scans for them in the same pass as the injection signatures and
 * secret keywords. A recognizer runs only when its gate occurs (and, if its context is required,
 * one of the context words), and then only over the regions of the text that hold its
 * {@link Anchor} (enough digits close together, an {@code @}, ...); context words are looked for
 * only in a small window around each candidate. Prose without entities therefore costs nothing
 * beyond the shared scan. Used on its own, the detector compiles a database of its own patterns
 * on first use.
 */
public final class DlpDetector implements Detector, PatternFamily {

    private static final Comparator<Candidate> STRONGEST_FIRST = Comparator
            .comparingDouble(Candidate::confidence).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed())
            .thenComparingInt(Candidate::start);

    private final List<Recognizer> recognizers;
    /** The gates of the recognizers that have one, then the required contexts' words. */
    private final List<ScanPattern> patterns;
    /** For each recognizer, the index of its gate in {@link #patterns}, or -1. */
    private final int[] gateOf;
    /** For each recognizer with a required context, the indices of its words in {@link #patterns}; else null. */
    private final int[][] wordsOf;
    /** For each recognizer, its pattern's search, which skips positions where no match can begin. */
    private final RegexSearch[] searches;
    private volatile OnePassScanner standalone;

    DlpDetector(List<Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
        List<ScanPattern> list = new ArrayList<>();
        this.gateOf = new int[this.recognizers.size()];
        this.wordsOf = new int[this.recognizers.size()][];
        for (int r = 0; r < gateOf.length; r++) {
            Recognizer rec = this.recognizers.get(r);
            gateOf[r] = -1;
            if (rec.gate() != null) {
                gateOf[r] = list.size();
                list.add(new ScanPattern(rec.ruleId() + "#" + r + ":gate", rec.gate(), false, ScanPattern.Spans.OCCURS));
            }
        }
        Map<String, Integer> words = new LinkedHashMap<>();
        for (int r = 0; r < gateOf.length; r++) {
            ContextRule context = this.recognizers.get(r).context();
            if (context.required()) {
                wordsOf[r] = context.raising().stream().mapToInt(w -> words.computeIfAbsent(w, k -> {
                    list.add(new ScanPattern("dlp-context:" + k, literal(k), true, ScanPattern.Spans.OCCURS));
                    return list.size() - 1;
                })).toArray();
            }
        }
        this.patterns = List.copyOf(list);
        this.searches = this.recognizers.stream().map(r -> RegexSearch.of(r.pattern())).toArray(RegexSearch[]::new);
    }

    /** A regular expression matching exactly {@code word}: every character but letters and digits escaped. */
    private static String literal(String word) {
        StringBuilder sb = new StringBuilder();
        for (char c : word.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }

    /** A detector running every built-in recognizer. */
    public static DlpDetector defaults() {
        List<Recognizer> all = new ArrayList<>();
        all.addAll(ContactRecognizers.all());
        all.addAll(FinancialRecognizers.all());
        all.addAll(GovernmentIdRecognizers.all());
        all.addAll(HealthRecognizers.all());
        all.addAll(NetworkRecognizers.all());
        return new DlpDetector(all);
    }

    /** The finding types this detector can report, in recognizer order, without repeats. */
    public List<String> types() {
        return recognizers.stream().map(Recognizer::type).distinct().toList();
    }

    /** The recognizers' gates and the words their required contexts need. */
    @Override
    public List<ScanPattern> patterns() {
        return patterns;
    }

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        if (text.isEmpty()) {
            return;
        }
        standalone().detect(messageIndex, ScannedView.of(text), out);
    }

    private OnePassScanner standalone() {
        OnePassScanner scanner = standalone;
        if (scanner == null) {
            synchronized (this) {
                scanner = standalone;
                if (scanner == null) {
                    scanner = standalone = OnePassScanner.compile(List.of(this));
                }
            }
        }
        return scanner;
    }

    /**
     * Runs the recognizers whose gate occurs in {@code view} (and, for a required context, one of
     * whose words occurs) over {@code view.original()}. Gates and words are pieces of printable
     * ASCII that normalising leaves alone, so whatever occurs in the original occurs in a
     * normalised view too. The one exception, characters that lower-case to ASCII letters
     * ({@code İ} → {@code i}, the Kelvin sign → {@code k}), lets every required context pass.
     */
    @Override
    public void detect(int messageIndex, ScannedView view, Matches matches, List<Finding> out) {
        if (matches.size() == 0 && !hasUngatedRecognizer()) {
            return;
        }
        String text = view.original();
        boolean[] occurs = new boolean[patterns.size()];
        for (int i = 0; i < matches.size(); i++) {
            occurs[matches.pattern(i)] = true;
        }
        boolean anyWordMayOccur = text.indexOf('\u0130') >= 0 || text.indexOf('\u212A') >= 0;
        Map<Anchor.Kind, int[]> positionsByKind = new EnumMap<>(Anchor.Kind.class);
        Map<Anchor, List<int[]>> windowsByAnchor = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int ri = 0; ri < recognizers.size(); ri++) {
            Recognizer r = recognizers.get(ri);
            if (gateOf[ri] >= 0 && !occurs[gateOf[ri]]) {
                continue;
            }
            if (wordsOf[ri] != null && !anyWordMayOccur && !anyOccurs(wordsOf[ri], occurs)) {
                continue;
            }
            List<int[]> windows = windowsByAnchor.computeIfAbsent(r.anchor(), a -> a.windows(text, positionsByKind));
            if (windows.isEmpty()) {
                continue;
            }
            collect(r, searches[ri], text, windows, candidates);
        }
        for (Candidate c : resolveOverlaps(candidates)) {
            Recognizer r = c.recognizer();
            out.add(new Finding(r.type(), r.family(), r.ruleId(), r.severity(), c.confidence(),
                    messageIndex, c.start(), c.end()));
        }
    }

    private boolean hasUngatedRecognizer() {
        for (int g : gateOf) {
            if (g < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyOccurs(int[] patternIndices, boolean[] occurs) {
        for (int p : patternIndices) {
            if (occurs[p]) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Recognizer r, RegexSearch search, String text, List<int[]> windows,
                                List<Candidate> out) {
        Matcher m = r.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        boolean valueGroup = r.hasValueGroup();
        for (int[] window : windows) {
            search.forEach(m, text, window[0], window[1], found -> {
                int start = valueGroup ? found.start("v") : found.start();
                int end = valueGroup ? found.end("v") : found.end();
                if (start < 0 || end <= start) {
                    return;
                }
                double base = r.validator().assess(text.substring(start, end));
                if (base <= 0) {
                    return;
                }
                double confidence = Math.min(1.0, r.context().apply(text, start, end, base));
                if (confidence >= Recognizer.REPORT_THRESHOLD) {
                    out.add(new Candidate(r, start, end, confidence));
                }
            });
        }
    }

    /** Keeps the strongest of overlapping candidates; the survivors in text order. */
    static List<Candidate> resolveOverlaps(List<Candidate> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(STRONGEST_FIRST);
        TreeMap<Integer, Candidate> kept = new TreeMap<>();
        for (Candidate c : sorted) {
            Map.Entry<Integer, Candidate> before = kept.floorEntry(c.start());
            Map.Entry<Integer, Candidate> after = kept.ceilingEntry(c.start());
            boolean free = (before == null || !before.getValue().overlaps(c))
                    && (after == null || !after.getValue().overlaps(c));
            if (free) {
                kept.put(c.start(), c);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
