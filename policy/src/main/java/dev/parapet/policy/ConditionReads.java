package dev.parapet.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.EnumSet;
import java.util.Set;

/**
 * The input fields a condition can read, from its syntax tree: {@code request.model} and
 * {@code request['model']} read that field; any other use of a map variable ({@code request}
 * passed whole, indexed by a computed key, or an unknown field) reads all its fields; a plain
 * variable ({@code risk}, {@code findings}, {@code time}) reads itself. Names bound by a macro
 * ({@code f} in {@code findings.exists(f, …)}) are counted as if they were the variable of that
 * name, which can only add fields. A condition's result depends on nothing else, which is what
 * lets the decision cache key on these fields alone.
 */
final class ConditionReads {

    private ConditionReads() {
    }

    static Set<InputField> of(CelAbstractSyntaxTree ast) {
        Set<InputField> reads = EnumSet.noneOf(InputField.class);
        visit(ast.getExpr(), reads);
        return reads;
    }

    private static void visit(CelExpr e, Set<InputField> reads) {
        switch (e.getKind()) {
            case IDENT -> reads.addAll(InputField.allOf(e.ident().name()));
            case SELECT -> {
                if (!mapEntry(e.select().operand(), e.select().field(), reads)) {
                    visit(e.select().operand(), reads);
                }
            }
            case CALL -> {
                CelExpr.CelCall call = e.call();
                if (call.function().equals("_[_]") && call.target().isEmpty() && call.args().size() == 2
                        && call.args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && call.args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE
                        && mapEntry(call.args().get(0), call.args().get(1).constant().stringValue(), reads)) {
                    return;
                }
                call.target().ifPresent(t -> visit(t, reads));
                call.args().forEach(a -> visit(a, reads));
            }
            case LIST -> e.list().elements().forEach(x -> visit(x, reads));
            case MAP -> e.map().entries().forEach(en -> {
                visit(en.key(), reads);
                visit(en.value(), reads);
            });
            case STRUCT -> e.struct().entries().forEach(en -> visit(en.value(), reads));
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                visit(c.iterRange(), reads);
                visit(c.accuInit(), reads);
                visit(c.loopCondition(), reads);
                visit(c.loopStep(), reads);
                visit(c.result(), reads);
            }
            case CONSTANT, NOT_SET -> {
            }
        }
    }

    /** Adds {@code variable.key} when {@code map} is a map variable with that field; false when it is not one. */
    private static boolean mapEntry(CelExpr map, String key, Set<InputField> reads) {
        if (map.getKind() != CelExpr.ExprKind.Kind.IDENT) {
            return false;
        }
        return InputField.of(map.ident().name(), key).map(reads::add).isPresent();
    }
}
