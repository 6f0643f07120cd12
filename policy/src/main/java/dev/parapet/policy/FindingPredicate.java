package dev.parapet.policy;

import dev.parapet.core.Finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A condition on one finding that Java evaluates exactly as CEL does, for the finding guards
 * ({@link RuleGuard.FindingsMatch}, {@link RuleGuard.FindingsCount}): string entries compared with
 * literals, the confidence compared with a double literal ({@code <}, {@code <=}, {@code >},
 * {@code >=}: IEEE comparisons in both), and {@code &&}, {@code ||}, {@code !} of those. None of
 * them can fail, as every finding has every entry.
 */
sealed interface FindingPredicate {

    /** Every finding: {@code size(findings)}. */
    FindingPredicate ANY = new And(List.of());

    /** Whether CEL would find the predicate true for {@code f}. */
    boolean test(Finding f);

    /** A string entry of a finding as conditions see it. */
    enum Key {
        TYPE, FAMILY, RULE_ID, SEVERITY;

        /** The key of an entry name ({@code rule_id}), empty for {@code confidence} and unknown names. */
        static Optional<Key> of(String entry) {
            return switch (entry) {
                case "type" -> Optional.of(TYPE);
                case "family" -> Optional.of(FAMILY);
                case "rule_id" -> Optional.of(RULE_ID);
                case "severity" -> Optional.of(SEVERITY);
                default -> Optional.empty();
            };
        }

        /** The entry's value, as {@link PolicyActivation} gives it to conditions. */
        String of(Finding f) {
            return switch (this) {
                case TYPE -> f.type();
                case FAMILY -> f.family();
                case RULE_ID -> f.ruleId();
                case SEVERITY -> f.severity().wireName();
            };
        }
    }

    /** {@code f.key == 'v'} or {@code f.key in ['v', …]}. */
    record EntryIn(Key key, Set<String> values) implements FindingPredicate {
        public EntryIn {
            Objects.requireNonNull(key, "key");
            values = Set.copyOf(values);
        }

        @Override
        public boolean test(Finding f) {
            return values.contains(key.of(f));
        }
    }

    /** {@code f.confidence <op> x}, with the confidence on the left. */
    record Confidence(RuleGuard.IntCompare.Op op, double value) implements FindingPredicate {
        public Confidence {
            if (op == RuleGuard.IntCompare.Op.EQ || op == RuleGuard.IntCompare.Op.NE) {
                throw new IllegalArgumentException("only <, <=, > and >= compare confidences");
            }
        }

        @Override
        public boolean test(Finding f) {
            double c = f.confidence();
            return switch (op) {
                case LT -> c < value;
                case LE -> c <= value;
                case GT -> c > value;
                case GE -> c >= value;
                case EQ, NE -> throw new IllegalStateException();
            };
        }
    }

    /** Every one of {@code all}; true when empty. */
    record And(List<FindingPredicate> all) implements FindingPredicate {
        public And {
            all = List.copyOf(all);
        }

        @Override
        public boolean test(Finding f) {
            for (FindingPredicate p : all) {
                if (!p.test(f)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some one of {@code any}. */
    record Or(List<FindingPredicate> any) implements FindingPredicate {
        public Or {
            any = List.copyOf(any);
        }

        @Override
        public boolean test(Finding f) {
            for (FindingPredicate p : any) {
                if (p.test(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Not {@code predicate}. */
    record Not(FindingPredicate predicate) implements FindingPredicate {
        public Not {
            Objects.requireNonNull(predicate, "predicate");
        }

        @Override
        public boolean test(Finding f) {
            return !predicate.test(f);
        }
    }
}
