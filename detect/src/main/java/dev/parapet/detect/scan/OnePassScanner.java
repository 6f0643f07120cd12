package dev.parapet.detect.scan;

import dev.parapet.core.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link PatternFamily pattern families} compiled into one {@link PatternDatabase}, so
 * that a text is scanned once for all of them and each family then does its own, local work
 * on its matches. Thread-safe; {@link #close()} frees the native database.
 */
public final class OnePassScanner implements AutoCloseable {

    private final List<PatternFamily> families;
    /** For each family, the index of its first pattern in the database. */
    private final int[] firsts;
    /** For each database pattern, its family. */
    private final int[] familyOf;
    private final PatternDatabase database;

    private OnePassScanner(List<PatternFamily> families, int[] firsts, int[] familyOf, PatternDatabase database) {
        this.families = families;
        this.firsts = firsts;
        this.familyOf = familyOf;
        this.database = database;
    }

    /**
     * Compiles the patterns of every family into one database.
     *
     * @throws IllegalArgumentException as {@link PatternDatabase#compile}, also when a family has no patterns
     */
    public static OnePassScanner compile(List<? extends PatternFamily> families) {
        List<PatternFamily> list = List.copyOf(families);
        List<ScanPattern> all = new ArrayList<>();
        int[] firsts = new int[list.size()];
        List<Integer> familyOf = new ArrayList<>();
        for (int f = 0; f < list.size(); f++) {
            firsts[f] = all.size();
            List<ScanPattern> patterns = list.get(f).patterns();
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("pattern family " + list.get(f).getClass().getSimpleName() + ": no patterns");
            }
            all.addAll(patterns);
            for (int i = 0; i < patterns.size(); i++) {
                familyOf.add(f);
            }
        }
        return new OnePassScanner(list, firsts, familyOf.stream().mapToInt(Integer::intValue).toArray(),
                PatternDatabase.compile(all));
    }

    /** Scans {@code view} once and lets every family append its findings. */
    public void detect(int messageIndex, ScannedView view, List<Finding> out) {
        detect(messageIndex, view, -1, out);
    }

    /**
     * Scans {@code view} once and lets family {@code family} (its index in the compile list), or
     * every family when it is -1, append its findings.
     */
    public void detect(int messageIndex, ScannedView view, int family, List<Finding> out) {
        Matches[] matches = new Matches[families.size()];
        for (int f = 0; f < matches.length; f++) {
            matches[f] = new Matches();
        }
        database.scan(view.text(), (pattern, start, end) -> {
            int f = familyOf[pattern];
            if (family < 0 || f == family) {
                matches[f].onMatch(pattern - firsts[f], start, end);
            }
        });
        for (int f = 0; f < families.size(); f++) {
            if (family < 0 || f == family) {
                families.get(f).detect(messageIndex, view, matches[f], out);
            }
        }
    }

    /** Frees the native database. */
    @Override
    public void close() {
        database.close();
    }
}
