package dev.parapet.policy;

import dev.parapet.core.Finding;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A test of one top-level conjunct of a condition ({@code a && b && …}) that reads an
 * {@link InputIndex} instead of running CEL. {@link GuardExtractor} derives guards from the
 * parsed condition at load time; {@link ConditionGuard} combines them.
 *
 * <p>Soundness: {@link Truth#FALSE} means CEL evaluates the conjunct to {@code false} for this
 * input, without error, so the whole condition is {@code false} (in CEL {@code false && x} is
 * {@code false} even when {@code x} fails). {@link Truth#TRUE}, which only {@link #exact()} guards
 * return, means CEL evaluates it to {@code true}. {@link Truth#UNKNOWN} promises nothing: CEL
 * decides.
 */
sealed interface RuleGuard {

    /** What a guard knows of its conjunct for one input. */
    enum Truth {
        TRUE, FALSE, UNKNOWN;

        Truth negate() {
            return switch (this) {
                case TRUE -> FALSE;
                case FALSE -> TRUE;
                case UNKNOWN -> UNKNOWN;
            };
        }
    }

    /** What CEL would yield for the conjunct, as far as this guard knows. */
    Truth test(InputIndex in);

    /** Whether the guard yields {@code TRUE} and {@code FALSE} exactly when CEL does; else it never yields {@code TRUE}. */
    boolean exact();

    private static Truth of(boolean b) {
        return b ? Truth.TRUE : Truth.FALSE;
    }

    /** {@code field == 'v'} or {@code field in ['v', …]} for a string field. */
    record StringIn(InputField field, Set<String> values) implements RuleGuard {
        public StringIn {
            if (field.kind() != InputField.Kind.STRING) {
                throw new IllegalArgumentException(field + " is not a string");
            }
            values = Set.copyOf(values);
        }

        @Override
        public Truth test(InputIndex in) {
            return of(values.contains(in.string(field)));
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /** {@code field <op> n} for an int field and an int literal. */
    record IntCompare(InputField field, Op op, long value) implements RuleGuard {
        /** A comparison, with the field on the left. */
        enum Op {
            EQ, NE, LT, LE, GT, GE;

            /** The same comparison with its operands swapped: {@code 3 < x} is {@code x > 3}. */
            Op swapped() {
                return switch (this) {
                    case EQ, NE -> this;
                    case LT -> GT;
                    case LE -> GE;
                    case GT -> LT;
                    case GE -> LE;
                };
            }

            boolean holds(long a, long b) {
                return switch (this) {
                    case EQ -> a == b;
                    case NE -> a != b;
                    case LT -> a < b;
                    case LE -> a <= b;
                    case GT -> a > b;
                    case GE -> a >= b;
                };
            }
        }

        public IntCompare {
            if (field.kind() != InputField.Kind.INT) {
                throw new IllegalArgumentException(field + " is not an int");
            }
            Objects.requireNonNull(op, "op");
        }

        @Override
        public Truth test(InputIndex in) {
            return of(op.holds(in.integer(field), value));
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /** {@code field} or {@code field == true/false} for a bool field. */
    record BoolIs(InputField field, boolean value) implements RuleGuard {
        public BoolIs {
            if (field.kind() != InputField.Kind.BOOL) {
                throw new IllegalArgumentException(field + " is not a bool");
            }
        }

        @Override
        public Truth test(InputIndex in) {
            return of(in.bool(field) == value);
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /** {@code 'key' in principal.attributes}. */
    record AttributePresent(String key) implements RuleGuard {
        public AttributePresent {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Truth test(InputIndex in) {
            return of(in.attributes().containsKey(key));
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /**
     * {@code principal.attributes['key'] == 'v'} (or {@code .key}, or {@code in ['v', …]}):
     * unknown when the key is missing, as CEL then fails.
     */
    record AttributeIn(String key, Set<String> values) implements RuleGuard {
        public AttributeIn {
            Objects.requireNonNull(key, "key");
            values = Set.copyOf(values);
        }

        @Override
        public Truth test(InputIndex in) {
            Map<String, String> attributes = in.attributes();
            String value = attributes.get(key);
            return value == null ? Truth.UNKNOWN : of(values.contains(value));
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /**
     * {@code findings.exists(f, P)} where {@code P} can only hold for a finding whose type is in
     * {@code types} or whose family is in {@code families}: false when no finding is such.
     * Exact when {@code P} is nothing but those tests ({@code f.type == 'a' || f.family in […]}).
     */
    record FindingPresent(Set<String> types, Set<String> families, boolean exact) implements RuleGuard {
        public FindingPresent {
            types = Set.copyOf(types);
            families = Set.copyOf(families);
        }

        @Override
        public Truth test(InputIndex in) {
            if (in.findingsExceedComprehensionLimit()) {
                return Truth.UNKNOWN; // CEL fails rather than answering
            }
            if (!in.anyFinding(types, families)) {
                return Truth.FALSE;
            }
            return exact ? Truth.TRUE : Truth.UNKNOWN;
        }
    }

    /** Whether some or every finding satisfies a {@link FindingPredicate}: {@code findings.exists(f, P)}, {@code findings.all(f, P)}. */
    record FindingsMatch(boolean every, FindingPredicate predicate) implements RuleGuard {
        public FindingsMatch {
            Objects.requireNonNull(predicate, "predicate");
        }

        @Override
        public Truth test(InputIndex in) {
            if (in.findingsExceedComprehensionLimit()) {
                return Truth.UNKNOWN; // CEL fails rather than answering
            }
            for (Finding f : in.input().findings()) {
                if (predicate.test(f) != every) {
                    return of(!every);
                }
            }
            return of(every);
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /**
     * How many findings satisfy a {@link FindingPredicate}, compared with an int:
     * {@code size(findings) > 0}, {@code findings.filter(f, P).size() >= 3}.
     */
    record FindingsCount(FindingPredicate predicate, IntCompare.Op op, long value) implements RuleGuard {
        public FindingsCount {
            Objects.requireNonNull(predicate, "predicate");
            Objects.requireNonNull(op, "op");
        }

        @Override
        public Truth test(InputIndex in) {
            if (in.findingsExceedComprehensionLimit()) {
                return Truth.UNKNOWN; // CEL fails rather than answering
            }
            long n = 0;
            for (Finding f : in.input().findings()) {
                if (predicate.test(f)) {
                    n++;
                }
            }
            return of(op.holds(n, value));
        }

        @Override
        public boolean exact() {
            return true;
        }
    }

    /** {@code !x}, {@code !=} and {@code !(x in […])} for an exact guard {@code x}. */
    record Not(RuleGuard guard) implements RuleGuard {
        public Not {
            if (!guard.exact()) {
                throw new IllegalArgumentException("only an exact guard can be negated: " + guard);
            }
        }

        @Override
        public Truth test(InputIndex in) {
            return guard.test(in).negate();
        }

        @Override
        public boolean exact() {
            return true;
        }
    }
}
