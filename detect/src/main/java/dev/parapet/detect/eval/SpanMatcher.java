package dev.parapet.detect.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches predicted spans to gold spans, one to one, greedily by position.
 *
 * <p>Predicted spans are taken in order of start (then end); each matches the first gold span, in
 * the same order, that has the same type, overlaps it by at least one character and is not
 * matched yet. Exact boundaries are not required: a detector that includes a trailing dot, or a
 * gold span that includes a label, still counts. A predicted span that finds no such gold span is
 * a false positive, so a second prediction over an already matched gold span is one too; gold
 * spans left unmatched are misses.
 */
public final class SpanMatcher {

    private static final Comparator<EntitySpan> BY_POSITION =
            Comparator.comparingInt(EntitySpan::start).thenComparingInt(EntitySpan::end);

    private SpanMatcher() {
    }

    /** Matches the predictions of one text against its gold spans. */
    public static SpanMatch match(List<EntitySpan> predicted, List<EntitySpan> gold) {
        List<EntitySpan> predictions = predicted.stream().sorted(BY_POSITION).toList();
        List<EntitySpan> golds = gold.stream().sorted(BY_POSITION).toList();
        boolean[] taken = new boolean[golds.size()];
        List<EntitySpan> hits = new ArrayList<>();
        List<EntitySpan> falseAlarms = new ArrayList<>();
        for (EntitySpan p : predictions) {
            int match = firstMatch(p, golds, taken);
            if (match < 0) {
                falseAlarms.add(p);
            } else {
                taken[match] = true;
                hits.add(p);
            }
        }
        List<EntitySpan> missed = new ArrayList<>();
        for (int i = 0; i < golds.size(); i++) {
            if (!taken[i]) {
                missed.add(golds.get(i));
            }
        }
        return new SpanMatch(hits, falseAlarms, missed);
    }

    private static int firstMatch(EntitySpan p, List<EntitySpan> golds, boolean[] taken) {
        for (int i = 0; i < golds.size(); i++) {
            EntitySpan g = golds.get(i);
            if (!taken[i] && g.type().equals(p.type()) && g.overlaps(p)) {
                return i;
            }
        }
        return -1;
    }
}
