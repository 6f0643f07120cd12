package dev.parapet.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The guards of conjuncts over {@code findings}, for {@link GuardExtractor}:
 * <ul>
 *   <li>{@code findings.exists(f, P)} and {@code findings.all(f, P)} where {@code P} is a
 *       {@link FindingPredicate} (exact);</li>
 *   <li>{@code findings.exists(f, P)} where {@code P} only requires {@code f.type} or
 *       {@code f.family} to be one of some literals (alone, as one conjunct of {@code &&}, or in
 *       every branch of {@code ||}): false when no finding is such;</li>
 *   <li>counts compared with an int: {@code size(findings)}, {@code findings.size()} and the size
 *       of {@code findings.filter(f, P)} for a {@link FindingPredicate} {@code P}.</li>
 * </ul>
 * The parser expands macros into comprehensions; the source keeps each macro call (CEL's
 * {@code populateMacroCalls} option), which tells {@code exists} from {@code all} and
 * {@code filter} and gives the predicate as written.
 */
final class FindingGuardExtractor {

    private FindingGuardExtractor() {
    }

    /** A guard for the comprehension {@code e} when it is {@code findings.exists} or {@code findings.all}. */
    static Optional<RuleGuard> quantifier(CelExpr e, CelAbstractSyntaxTree ast) {
        Optional<Macro> exists = macro(e, ast, "exists");
        if (exists.isPresent()) {
            Macro m = exists.get();
            Optional<FindingTest> test = test(m.predicate, m.var);
            if (test.isPresent() && test.get().exact) {
                return Optional.of(new RuleGuard.FindingPresent(test.get().types, test.get().families, true));
            }
            Optional<FindingPredicate> p = predicate(m.predicate, m.var);
            if (p.isPresent()) {
                return Optional.of(new RuleGuard.FindingsMatch(false, p.get()));
            }
            return test.map(t -> new RuleGuard.FindingPresent(t.types, t.families, false));
        }
        return macro(e, ast, "all").flatMap(m -> predicate(m.predicate, m.var)).map(p -> new RuleGuard.FindingsMatch(true, p));
    }

    /**
     * What {@code e} counts when it is {@code size(findings)} or {@code findings.size()}
     * ({@link FindingPredicate#ANY}), or the size of {@code findings.filter(f, P)}.
     */
    static Optional<FindingPredicate> count(CelExpr e, CelAbstractSyntaxTree ast) {
        if (!CelAst.isCall(e, "size")) {
            return Optional.empty();
        }
        CelExpr.CelCall call = e.call();
        CelExpr counted;
        if (call.target().isPresent() && call.args().isEmpty()) {
            counted = call.target().get();
        } else if (call.target().isEmpty() && call.args().size() == 1) {
            counted = call.args().getFirst();
        } else {
            return Optional.empty();
        }
        if (CelAst.isIdent(counted, "findings")) {
            return Optional.of(FindingPredicate.ANY);
        }
        return macro(counted, ast, "filter").flatMap(m -> predicate(m.predicate, m.var));
    }

    /** A macro call {@code findings.<function>(var, predicate)}. */
    private record Macro(String var, CelExpr predicate) {
    }

    private static Optional<Macro> macro(CelExpr e, CelAbstractSyntaxTree ast, String function) {
        if (e.getKind() != CelExpr.ExprKind.Kind.COMPREHENSION) {
            return Optional.empty();
        }
        CelExpr call = ast.getSource().getMacroCalls().get(e.id());
        CelExpr.CelComprehension c = e.comprehension();
        if (call == null || !CelAst.isCall(call, function) || call.call().target().isEmpty()
                || !CelAst.isIdent(call.call().target().get(), "findings") || call.call().args().size() != 2
                || !CelAst.isIdent(call.call().args().get(0), c.iterVar()) || !c.iterVar2().isEmpty()
                || !CelAst.isIdent(c.iterRange(), "findings")) {
            return Optional.empty();
        }
        return Optional.of(new Macro(c.iterVar(), call.call().args().get(1)));
    }

    /** {@code p} over finding {@code var} as a {@link FindingPredicate}, when it is one. */
    static Optional<FindingPredicate> predicate(CelExpr p, String var) {
        if (p.getKind() != CelExpr.ExprKind.Kind.CALL || p.call().target().isPresent()) {
            return Optional.empty();
        }
        List<CelExpr> args = p.call().args();
        String function = p.call().function();
        return switch (function) {
            case "_&&_", "_||_" -> {
                List<CelExpr> operands = new ArrayList<>();
                CelAst.flatten(p, function, operands);
                List<FindingPredicate> out = new ArrayList<>();
                for (CelExpr operand : operands) {
                    Optional<FindingPredicate> q = predicate(operand, var);
                    if (q.isEmpty()) {
                        yield Optional.empty();
                    }
                    out.add(q.get());
                }
                yield Optional.of(function.equals("_&&_") ? new FindingPredicate.And(out) : new FindingPredicate.Or(out));
            }
            case "!_" -> args.size() == 1 ? predicate(args.getFirst(), var).map(FindingPredicate.Not::new) : Optional.empty();
            case "_==_" -> args.size() == 2 ? entryEquals(args, var) : Optional.empty();
            case "_!=_" -> args.size() == 2 ? entryEquals(args, var).map(FindingPredicate.Not::new) : Optional.empty();
            case "@in" -> {
                if (args.size() != 2) {
                    yield Optional.empty();
                }
                Optional<FindingPredicate.Key> key = key(args.get(0), var);
                Optional<Set<String>> values = CelAst.stringList(args.get(1));
                yield key.isPresent() && values.isPresent()
                        ? Optional.of(new FindingPredicate.EntryIn(key.get(), values.get())) : Optional.empty();
            }
            case "_<_" -> confidence(args, var, RuleGuard.IntCompare.Op.LT);
            case "_<=_" -> confidence(args, var, RuleGuard.IntCompare.Op.LE);
            case "_>_" -> confidence(args, var, RuleGuard.IntCompare.Op.GT);
            case "_>=_" -> confidence(args, var, RuleGuard.IntCompare.Op.GE);
            default -> Optional.empty();
        };
    }

    private static Optional<FindingPredicate> entryEquals(List<CelExpr> args, String var) {
        for (int i = 0; i < 2; i++) {
            Optional<FindingPredicate.Key> key = key(args.get(i), var);
            Optional<String> value = CelAst.string(args.get(1 - i));
            if (key.isPresent() && value.isPresent()) {
                return Optional.of(new FindingPredicate.EntryIn(key.get(), Set.of(value.get())));
            }
        }
        return Optional.empty();
    }

    /** {@code var.confidence <op> 0.5} with a double literal (an int literal makes CEL fail). */
    private static Optional<FindingPredicate> confidence(List<CelExpr> args, String var, RuleGuard.IntCompare.Op op) {
        if (args.size() != 2) {
            return Optional.empty();
        }
        if (isConfidence(args.get(0), var) && CelAst.float64(args.get(1)).isPresent()) {
            return Optional.of(new FindingPredicate.Confidence(op, CelAst.float64(args.get(1)).get()));
        }
        if (isConfidence(args.get(1), var) && CelAst.float64(args.get(0)).isPresent()) {
            return Optional.of(new FindingPredicate.Confidence(op.swapped(), CelAst.float64(args.get(0)).get()));
        }
        return Optional.empty();
    }

    private static boolean isConfidence(CelExpr e, String var) {
        return CelAst.entry(e).filter(en -> CelAst.isIdent(en.map(), var) && en.key().equals("confidence")).isPresent();
    }

    /** The string entry {@code var.type}, {@code var['rule_id']}, …, else empty. */
    private static Optional<FindingPredicate.Key> key(CelExpr e, String var) {
        return CelAst.entry(e).filter(en -> CelAst.isIdent(en.map(), var)).flatMap(en -> FindingPredicate.Key.of(en.key()));
    }

    /** The types and families a predicate over finding {@code var} requires, if it requires any. */
    private static Optional<FindingTest> test(CelExpr p, String var) {
        if (p.getKind() != CelExpr.ExprKind.Kind.CALL || p.call().target().isPresent()) {
            return Optional.empty();
        }
        switch (p.call().function()) {
            case "_==_", "@in" -> {
                return predicate(p, var).filter(q -> q instanceof FindingPredicate.EntryIn e
                                && (e.key() == FindingPredicate.Key.TYPE || e.key() == FindingPredicate.Key.FAMILY))
                        .map(q -> FindingTest.of((FindingPredicate.EntryIn) q));
            }
            case "_&&_" -> {
                List<CelExpr> conjuncts = new ArrayList<>();
                CelAst.flatten(p, "_&&_", conjuncts);
                for (CelExpr c : conjuncts) {
                    Optional<FindingTest> t = test(c, var);
                    if (t.isPresent()) {
                        return Optional.of(t.get().inexact());
                    }
                }
                return Optional.empty();
            }
            case "_||_" -> {
                List<CelExpr> disjuncts = new ArrayList<>();
                CelAst.flatten(p, "_||_", disjuncts);
                FindingTest union = new FindingTest(Set.of(), Set.of(), true);
                for (CelExpr d : disjuncts) {
                    Optional<FindingTest> t = test(d, var);
                    if (t.isEmpty()) {
                        return Optional.empty();
                    }
                    union = union.or(t.get());
                }
                return Optional.of(union);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * What a predicate requires of a finding's type or family: true only for findings whose
     * type is in {@code types} or family in {@code families}; {@code exact} when also true for
     * every such finding.
     */
    private record FindingTest(Set<String> types, Set<String> families, boolean exact) {
        static FindingTest of(FindingPredicate.EntryIn in) {
            return in.key() == FindingPredicate.Key.TYPE
                    ? new FindingTest(in.values(), Set.of(), true) : new FindingTest(Set.of(), in.values(), true);
        }

        FindingTest inexact() {
            return new FindingTest(types, families, false);
        }

        FindingTest or(FindingTest other) {
            Set<String> t = new HashSet<>(types);
            t.addAll(other.types);
            Set<String> f = new HashSet<>(families);
            f.addAll(other.families);
            return new FindingTest(t, f, exact && other.exact);
        }
    }
}
