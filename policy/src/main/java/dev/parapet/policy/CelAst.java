package dev.parapet.policy;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small readers of CEL syntax trees shared by the guard extractors. */
final class CelAst {

    private CelAst() {
    }

    /** A map entry read with a constant key: {@code m.k} (not {@code has()}) or {@code m['k']}. */
    record Entry(CelExpr map, String key) {
    }

    /** Adds the operands of nested calls of {@code operator} ({@code _&&_}, {@code _||_}), else {@code e} itself. */
    static void flatten(CelExpr e, String operator, List<CelExpr> out) {
        if (isCall(e, operator) && e.call().target().isEmpty()) {
            for (CelExpr arg : e.call().args()) {
                flatten(arg, operator, out);
            }
        } else {
            out.add(e);
        }
    }

    static boolean isCall(CelExpr e, String function) {
        return e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals(function);
    }

    static boolean isIdent(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
    }

    static Optional<Entry> entry(CelExpr e) {
        if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()) {
            return Optional.of(new Entry(e.select().operand(), e.select().field()));
        }
        if (isCall(e, "_[_]") && e.call().target().isEmpty() && e.call().args().size() == 2) {
            return string(e.call().args().get(1)).map(key -> new Entry(e.call().args().get(0), key));
        }
        return Optional.empty();
    }

    static Optional<String> string(CelExpr e) {
        return constant(e, CelConstant.Kind.STRING_VALUE).map(CelConstant::stringValue);
    }

    static Optional<Long> int64(CelExpr e) {
        return constant(e, CelConstant.Kind.INT64_VALUE).map(CelConstant::int64Value);
    }

    static Optional<Double> float64(CelExpr e) {
        return constant(e, CelConstant.Kind.DOUBLE_VALUE).map(CelConstant::doubleValue);
    }

    static Optional<Boolean> bool(CelExpr e) {
        return constant(e, CelConstant.Kind.BOOLEAN_VALUE).map(CelConstant::booleanValue);
    }

    private static Optional<CelConstant> constant(CelExpr e, CelConstant.Kind kind) {
        return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT && e.constant().getKind() == kind
                ? Optional.of(e.constant()) : Optional.empty();
    }

    /** The values of a list literal of strings, {@code ['a', 'b']}. */
    static Optional<Set<String>> stringList(CelExpr e) {
        if (e.getKind() != CelExpr.ExprKind.Kind.LIST || !e.list().optionalIndices().isEmpty()) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        for (CelExpr element : e.list().elements()) {
            Optional<String> s = string(element);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            values.add(s.get());
        }
        return Optional.of(values);
    }
}
