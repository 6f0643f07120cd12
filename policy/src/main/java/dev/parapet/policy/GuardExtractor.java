package dev.parapet.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;

import java.util.ArrayList;
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
 *   <li>conditions on {@code findings}: {@code exists}, {@code all} and counts
 *       ({@link FindingGuardExtractor});</li>
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
        CelAst.flatten(ast.getExpr(), "_&&_", conjuncts);
        List<RuleGuard> guards = new ArrayList<>();
        boolean complete = true;
        for (CelExpr c : conjuncts) {
            Optional<RuleGuard> g = guard(c, ast);
            g.ifPresent(guards::add);
            complete &= g.isPresent() && g.get().exact();
        }
        return guards.isEmpty() ? ConditionGuard.NONE : new ConditionGuard(guards, complete);
    }

    private static Optional<RuleGuard> guard(CelExpr e, CelAbstractSyntaxTree ast) {
        return switch (e.getKind()) {
            case SELECT -> field(e).filter(f -> f.kind() == InputField.Kind.BOOL).map(f -> new RuleGuard.BoolIs(f, true));
            case COMPREHENSION -> FindingGuardExtractor.quantifier(e, ast);
            case CALL -> call(e, ast);
            default -> Optional.empty();
        };
    }

    private static Optional<RuleGuard> call(CelExpr e, CelAbstractSyntaxTree ast) {
        CelExpr.CelCall call = e.call();
        List<CelExpr> args = call.args();
        if (call.target().isPresent() || args.size() != (call.function().equals("!_") ? 1 : 2)) {
            return Optional.empty();
        }
        return switch (call.function()) {
            case "!_" -> guard(args.getFirst(), ast).filter(RuleGuard::exact).map(RuleGuard.Not::new);
            case "_==_" -> equality(args, ast);
            case "_!=_" -> equality(args, ast).map(RuleGuard.Not::new);
            case "@in" -> membership(args.get(0), args.get(1));
            case "_<_" -> compare(args, RuleGuard.IntCompare.Op.LT, ast);
            case "_<=_" -> compare(args, RuleGuard.IntCompare.Op.LE, ast);
            case "_>_" -> compare(args, RuleGuard.IntCompare.Op.GT, ast);
            case "_>=_" -> compare(args, RuleGuard.IntCompare.Op.GE, ast);
            default -> Optional.empty();
        };
    }

    /** {@code a == b} with a field on one side and a literal of its type on the other. */
    private static Optional<RuleGuard> equality(List<CelExpr> args, CelAbstractSyntaxTree ast) {
        for (int i = 0; i < 2; i++) {
            Optional<RuleGuard> g = fieldEquals(args.get(i), args.get(1 - i), ast);
            if (g.isPresent()) {
                return g;
            }
        }
        return Optional.empty();
    }

    private static Optional<RuleGuard> fieldEquals(CelExpr operand, CelExpr literal, CelAbstractSyntaxTree ast) {
        Optional<String> attribute = attribute(operand);
        if (attribute.isPresent()) {
            return CelAst.string(literal).map(v -> new RuleGuard.AttributeIn(attribute.get(), Set.of(v)));
        }
        Optional<InputField> field = field(operand);
        if (field.isEmpty()) {
            return intCompare(operand, literal, RuleGuard.IntCompare.Op.EQ, ast);
        }
        InputField f = field.get();
        return switch (f.kind()) {
            case STRING -> CelAst.string(literal).map(v -> new RuleGuard.StringIn(f, Set.of(v)));
            case INT -> intCompare(operand, literal, RuleGuard.IntCompare.Op.EQ, ast);
            case BOOL -> CelAst.bool(literal).map(v -> new RuleGuard.BoolIs(f, v));
            case OTHER -> Optional.empty();
        };
    }

    /** {@code field in ['a', …]}, or {@code 'k' in principal.attributes}. */
    private static Optional<RuleGuard> membership(CelExpr element, CelExpr container) {
        Optional<String> key = CelAst.string(element);
        if (key.isPresent() && field(container).filter(f -> f == InputField.PRINCIPAL_ATTRIBUTES).isPresent()) {
            return Optional.of(new RuleGuard.AttributePresent(key.get()));
        }
        Optional<Set<String>> values = CelAst.stringList(container);
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

    private static Optional<RuleGuard> compare(List<CelExpr> args, RuleGuard.IntCompare.Op op, CelAbstractSyntaxTree ast) {
        Optional<RuleGuard> g = intCompare(args.get(0), args.get(1), op, ast);
        return g.isPresent() ? g : intCompare(args.get(1), args.get(0), op.swapped(), ast);
    }

    /** An int field, or a count of findings, compared with an int literal. */
    private static Optional<RuleGuard> intCompare(CelExpr operand, CelExpr literal, RuleGuard.IntCompare.Op op,
                                                  CelAbstractSyntaxTree ast) {
        Optional<Long> value = CelAst.int64(literal);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<InputField> field = field(operand).filter(f -> f.kind() == InputField.Kind.INT);
        if (field.isPresent()) {
            return Optional.of(new RuleGuard.IntCompare(field.get(), op, value.get()));
        }
        return FindingGuardExtractor.count(operand, ast).map(p -> new RuleGuard.FindingsCount(p, op, value.get()));
    }

    /** The field a {@code variable.field}, {@code variable['field']} or plain {@code variable} expression reads. */
    private static Optional<InputField> field(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            return InputField.ofVariable(e.ident().name());
        }
        return CelAst.entry(e).filter(en -> en.map().getKind() == CelExpr.ExprKind.Kind.IDENT)
                .flatMap(en -> InputField.of(en.map().ident().name(), en.key()));
    }

    /** The key {@code k} of {@code principal.attributes.k} or {@code principal.attributes['k']}. */
    private static Optional<String> attribute(CelExpr e) {
        return CelAst.entry(e).filter(en -> field(en.map()).filter(f -> f == InputField.PRINCIPAL_ATTRIBUTES).isPresent())
                .map(CelAst.Entry::key);
    }
}
