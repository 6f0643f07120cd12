package dev.parapet.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the {@link ConditionGuard} of a compiled condition from its syntax tree: each top-level
 * conjunct of one of these shapes gets a {@link RuleGuard} (literals on either side):
 * <ul>
 *   <li>{@code field == 'v'}, {@code field != 'v'}, {@code field in ['v', …]} for the string
 *       fields {@code principal.tenant/id/kind/role}, {@code request.provider/endpoint/model},
 *       {@code tool.name} and {@code risk_band};</li>
 *   <li>{@code field <op> n} for {@code request.message_count}, {@code request.bytes},
 *       {@code risk} and an int literal; {@code request.stream} and {@code request.stream == b};</li>
 *   <li>{@code 'k' in principal.attributes}; {@code principal.attributes['k'] == 'v'} (or
 *       {@code .k}, or {@code in […]});</li>
 *   <li>{@code findings.exists(f, P)} where {@code P} requires {@code f.type} or {@code f.family}
 *       to equal a literal or be in a list of literals (alone, as one conjunct of {@code &&}, or
 *       in every branch of {@code ||});</li>
 *   <li>{@code !x} for any exact guard {@code x}.</li>
 * </ul>
 * Any other conjunct simply has no guard. Entries of maps are read with {@code .} or
 * {@code ['…']}; other forms are left to CEL.
 */
final class GuardExtractor {

    private GuardExtractor() {
    }

    static ConditionGuard extract(CelAbstractSyntaxTree ast) {
        List<CelExpr> conjuncts = new ArrayList<>();
        flatten(ast.getExpr(), "_&&_", conjuncts);
        List<RuleGuard> guards = new ArrayList<>();
        boolean complete = true;
        for (CelExpr c : conjuncts) {
            Optional<RuleGuard> g = guard(c, ast);
            g.ifPresent(guards::add);
            complete &= g.isPresent() && g.get().exact();
        }
        return guards.isEmpty() ? ConditionGuard.NONE : new ConditionGuard(guards, complete);
    }

    private static void flatten(CelExpr e, String operator, List<CelExpr> out) {
        if (e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals(operator) && e.call().target().isEmpty()) {
            for (CelExpr arg : e.call().args()) {
                flatten(arg, operator, out);
            }
        } else {
            out.add(e);
        }
    }

    private static Optional<RuleGuard> guard(CelExpr e, CelAbstractSyntaxTree ast) {
        return switch (e.getKind()) {
            case SELECT -> field(e).filter(f -> f.kind() == InputField.Kind.BOOL).map(f -> new RuleGuard.BoolIs(f, true));
            case COMPREHENSION -> findingsExists(e, ast);
            case CALL -> call(e, ast);
            default -> Optional.empty();
        };
    }

    private static Optional<RuleGuard> call(CelExpr e, CelAbstractSyntaxTree ast) {
        CelExpr.CelCall call = e.call();
        if (call.target().isPresent()) {
            return Optional.empty();
        }
        List<CelExpr> args = call.args();
        return switch (call.function()) {
            case "!_" -> args.size() != 1 ? Optional.empty()
                    : guard(args.get(0), ast).filter(RuleGuard::exact).map(RuleGuard.Not::new);
            case "_==_" -> args.size() != 2 ? Optional.empty() : equality(args.get(0), args.get(1));
            case "_!=_" -> args.size() != 2 ? Optional.empty() : equality(args.get(0), args.get(1)).map(RuleGuard.Not::new);
            case "@in" -> args.size() != 2 ? Optional.empty() : membership(args.get(0), args.get(1));
            case "_<_" -> compare(args, RuleGuard.IntCompare.Op.LT);
            case "_<=_" -> compare(args, RuleGuard.IntCompare.Op.LE);
            case "_>_" -> compare(args, RuleGuard.IntCompare.Op.GT);
            case "_>=_" -> compare(args, RuleGuard.IntCompare.Op.GE);
            default -> Optional.empty();
        };
    }

    /** {@code a == b} with a field on one side and a literal of its type on the other. */
    private static Optional<RuleGuard> equality(CelExpr a, CelExpr b) {
        Optional<RuleGuard> g = fieldEquals(a, b);
        return g.isPresent() ? g : fieldEquals(b, a);
    }

    private static Optional<RuleGuard> fieldEquals(CelExpr fieldExpr, CelExpr literal) {
        if (literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return Optional.empty();
        }
        CelConstant c = literal.constant();
        Optional<String> attribute = attribute(fieldExpr);
        if (attribute.isPresent()) {
            return c.getKind() == CelConstant.Kind.STRING_VALUE
                    ? Optional.of(new RuleGuard.AttributeIn(attribute.get(), Set.of(c.stringValue()))) : Optional.empty();
        }
        Optional<InputField> field = field(fieldExpr);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        InputField f = field.get();
        return switch (f.kind()) {
            case STRING -> c.getKind() == CelConstant.Kind.STRING_VALUE
                    ? Optional.of(new RuleGuard.StringIn(f, Set.of(c.stringValue()))) : Optional.empty();
            case INT -> c.getKind() == CelConstant.Kind.INT64_VALUE
                    ? Optional.of(new RuleGuard.IntCompare(f, RuleGuard.IntCompare.Op.EQ, c.int64Value())) : Optional.empty();
            case BOOL -> c.getKind() == CelConstant.Kind.BOOLEAN_VALUE
                    ? Optional.of(new RuleGuard.BoolIs(f, c.booleanValue())) : Optional.empty();
            case OTHER -> Optional.empty();
        };
    }

    /** {@code field in ['a', …]}, or {@code 'k' in principal.attributes}. */
    private static Optional<RuleGuard> membership(CelExpr element, CelExpr container) {
        if (element.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && element.constant().getKind() == CelConstant.Kind.STRING_VALUE
                && field(container).filter(f -> f == InputField.PRINCIPAL_ATTRIBUTES).isPresent()) {
            return Optional.of(new RuleGuard.AttributePresent(element.constant().stringValue()));
        }
        Optional<Set<String>> values = stringList(container);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> attribute = attribute(element);
        if (attribute.isPresent()) {
            return Optional.of(new RuleGuard.AttributeIn(attribute.get(), values.get()));
        }
        return field(element).filter(f -> f.kind() == InputField.Kind.STRING)
                .map(f -> new RuleGuard.StringIn(f, values.get()));
    }

    private static Optional<RuleGuard> compare(List<CelExpr> args, RuleGuard.IntCompare.Op op) {
        if (args.size() != 2) {
            return Optional.empty();
        }
        Optional<RuleGuard> g = intCompare(args.get(0), args.get(1), op);
        return g.isPresent() ? g : intCompare(args.get(1), args.get(0), op.swapped());
    }

    private static Optional<RuleGuard> intCompare(CelExpr fieldExpr, CelExpr literal, RuleGuard.IntCompare.Op op) {
        if (literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT || literal.constant().getKind() != CelConstant.Kind.INT64_VALUE) {
            return Optional.empty();
        }
        long value = literal.constant().int64Value();
        return field(fieldExpr).filter(f -> f.kind() == InputField.Kind.INT).map(f -> new RuleGuard.IntCompare(f, op, value));
    }

    /**
     * {@code findings.exists(f, P)}: the parser expands the macro to a comprehension whose step is
     * {@code @result || P}; the source keeps the macro call, which tells {@code exists} from the
     * other macros.
     */
    private static Optional<RuleGuard> findingsExists(CelExpr e, CelAbstractSyntaxTree ast) {
        CelExpr macro = ast.getSource().getMacroCalls().get(e.id());
        CelExpr.CelComprehension c = e.comprehension();
        if (macro == null || macro.getKind() != CelExpr.ExprKind.Kind.CALL || !macro.call().function().equals("exists")
                || !isIdent(c.iterRange(), "findings") || !c.iterVar2().isEmpty()) {
            return Optional.empty();
        }
        CelExpr step = c.loopStep();
        if (step.getKind() != CelExpr.ExprKind.Kind.CALL || !step.call().function().equals("_||_")
                || step.call().args().size() != 2 || !isIdent(step.call().args().get(0), c.accuVar())) {
            return Optional.empty();
        }
        return findingTest(step.call().args().get(1), c.iterVar())
                .map(t -> new RuleGuard.FindingPresent(t.types, t.families, t.exact));
    }

    /** The types and families a predicate over finding {@code var} requires, if it requires any. */
    private static Optional<FindingTest> findingTest(CelExpr p, String var) {
        if (p.getKind() != CelExpr.ExprKind.Kind.CALL || p.call().target().isPresent()) {
            return Optional.empty();
        }
        List<CelExpr> args = p.call().args();
        switch (p.call().function()) {
            case "_==_" -> {
                if (args.size() != 2) {
                    return Optional.empty();
                }
                Optional<FindingTest> t = findingEquals(args.get(0), args.get(1), var);
                return t.isPresent() ? t : findingEquals(args.get(1), args.get(0), var);
            }
            case "@in" -> {
                if (args.size() != 2) {
                    return Optional.empty();
                }
                Optional<String> key = findingKey(args.get(0), var);
                Optional<Set<String>> values = stringList(args.get(1));
                return key.isPresent() && values.isPresent() ? Optional.of(FindingTest.of(key.get(), values.get())) : Optional.empty();
            }
            case "_&&_" -> {
                List<CelExpr> conjuncts = new ArrayList<>();
                flatten(p, "_&&_", conjuncts);
                for (CelExpr c : conjuncts) {
                    Optional<FindingTest> t = findingTest(c, var);
                    if (t.isPresent()) {
                        return Optional.of(t.get().inexact());
                    }
                }
                return Optional.empty();
            }
            case "_||_" -> {
                List<CelExpr> disjuncts = new ArrayList<>();
                flatten(p, "_||_", disjuncts);
                FindingTest union = new FindingTest(Set.of(), Set.of(), true);
                for (CelExpr d : disjuncts) {
                    Optional<FindingTest> t = findingTest(d, var);
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

    private static Optional<FindingTest> findingEquals(CelExpr keyExpr, CelExpr literal, String var) {
        Optional<String> key = findingKey(keyExpr, var);
        if (key.isEmpty() || literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || literal.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            return Optional.empty();
        }
        return Optional.of(FindingTest.of(key.get(), Set.of(literal.constant().stringValue())));
    }

    /** {@code type} or {@code family} for {@code var.type}, {@code var['family']}, …; else empty. */
    private static Optional<String> findingKey(CelExpr e, String var) {
        return entry(e).filter(en -> isIdent(en.map, var) && (en.key.equals("type") || en.key.equals("family")))
                .map(en -> en.key);
    }

    /** What requires a finding's type or family to be one of some values. */
    private record FindingTest(Set<String> types, Set<String> families, boolean exact) {
        static FindingTest of(String key, Set<String> values) {
            return key.equals("type") ? new FindingTest(values, Set.of(), true) : new FindingTest(Set.of(), values, true);
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

    /** The field a {@code variable.field}, {@code variable['field']} or plain {@code variable} expression reads. */
    private static Optional<InputField> field(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            return InputField.ofVariable(e.ident().name());
        }
        return entry(e).filter(en -> en.map.getKind() == CelExpr.ExprKind.Kind.IDENT)
                .flatMap(en -> InputField.of(en.map.ident().name(), en.key));
    }

    /** The key {@code k} of {@code principal.attributes.k} or {@code principal.attributes['k']}. */
    private static Optional<String> attribute(CelExpr e) {
        return entry(e).filter(en -> field(en.map).filter(f -> f == InputField.PRINCIPAL_ATTRIBUTES).isPresent())
                .map(en -> en.key);
    }

    /** A map entry read with a constant key: {@code m.k} (not {@code has()}) or {@code m['k']}. */
    private record Entry(CelExpr map, String key) {
    }

    private static Optional<Entry> entry(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()) {
            return Optional.of(new Entry(e.select().operand(), e.select().field()));
        }
        if (e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_[_]") && e.call().target().isEmpty()
                && e.call().args().size() == 2) {
            CelExpr key = e.call().args().get(1);
            if (key.getKind() == CelExpr.ExprKind.Kind.CONSTANT && key.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
                return Optional.of(new Entry(e.call().args().get(0), key.constant().stringValue()));
            }
        }
        return Optional.empty();
    }

    /** The values of a list literal of strings, {@code ['a', 'b']}. */
    private static Optional<Set<String>> stringList(CelExpr e) {
        if (e.getKind() != CelExpr.ExprKind.Kind.LIST || !e.list().optionalIndices().isEmpty()) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        for (CelExpr element : e.list().elements()) {
            if (element.getKind() != CelExpr.ExprKind.Kind.CONSTANT || element.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                return Optional.empty();
            }
            values.add(element.constant().stringValue());
        }
        return Optional.of(values);
    }

    private static boolean isIdent(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
    }
}
