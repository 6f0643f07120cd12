package dev.parapet.detect.dlp;

import dev.parapet.core.Finding;
import dev.parapet.detect.Detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.EnumMap;
import java.util.HashMap;
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
 * <p>Instances are immutable and thread-safe. Every recognizer's pattern is bounded, and it runs
 * only over the regions of the text that hold its {@link Anchor} (enough digits close together,
 * an {@code @}, ...), found in one pass, so detection is linear in the text and prose without
 * such clusters costs little more than that pass.
 */
public final class DlpDetector implements Detector {

    private static final Comparator<Candidate> STRONGEST_FIRST = Comparator
            .comparingDouble(Candidate::confidence).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed())
            .thenComparingInt(Candidate::start);

    private final List<Recognizer> recognizers;

    DlpDetector(List<Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
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

    @Override
    public void detect(int messageIndex, String text, List<Finding> out) {
        Map<Anchor.Kind, int[]> positionsByKind = new EnumMap<>(Anchor.Kind.class);
        Map<Anchor, List<int[]>> windowsByAnchor = new HashMap<>();
        String lower = null;
        List<Candidate> candidates = new ArrayList<>();
        for (Recognizer r : recognizers) {
            List<int[]> windows = windowsByAnchor.computeIfAbsent(r.anchor(), a -> a.windows(text, positionsByKind));
            if (windows.isEmpty()) {
                continue;
            }
            if (lower == null) {
                lower = lowerCase(text);
            }
            if (r.context().required() && !r.context().anyRaisingWordIn(lower)) {
                continue;
            }
            collect(r, text, lower, windows, candidates);
        }
        for (Candidate c : resolveOverlaps(candidates)) {
            Recognizer r = c.recognizer();
            out.add(new Finding(r.type(), r.family(), r.ruleId(), r.severity(), c.confidence(),
                    messageIndex, c.start(), c.end()));
        }
    }

    private static void collect(Recognizer r, String text, String lower, List<int[]> windows, List<Candidate> out) {
        Matcher m = r.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        boolean valueGroup = r.hasValueGroup();
        for (int[] window : windows) {
            m.region(window[0], window[1]);
            while (m.find()) {
                int start = valueGroup ? m.start("v") : m.start();
                int end = valueGroup ? m.end("v") : m.end();
                if (start < 0 || end <= start) {
                    continue;
                }
                double base = r.validator().assess(text.substring(start, end));
                if (base <= 0) {
                    continue;
                }
                double confidence = Math.min(1.0, r.context().apply(lower, start, end, base));
                if (confidence >= Recognizer.REPORT_THRESHOLD) {
                    out.add(new Candidate(r, start, end, confidence));
                }
            }
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

    /** Lower-cases char by char, so offsets stay those of the original text. */
    static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
