package dev.parapet.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.List;

/**
 * The CEL environment of policy conditions: the declared variables and the compiler. One
 * immutable, thread-safe instance serves every bundle.
 *
 * <ul>
 *   <li>{@code principal}: {@code map<string, dyn>} with {@code tenant}, {@code id}, {@code kind}
 *       (lower-case), {@code role} and {@code attributes} ({@code map<string, string>});</li>
 *   <li>{@code request}: {@code map<string, dyn>} with {@code provider}, {@code endpoint},
 *       {@code model}, {@code stream} (bool), {@code message_count} and {@code bytes} (int);</li>
 *   <li>{@code findings}: {@code list<map<string, dyn>>}, each with {@code type}, {@code family},
 *       {@code rule_id}, {@code severity} (lower-case) and {@code confidence} (double);</li>
 *   <li>{@code risk}: {@code int}, 0–100;</li>
 *   <li>{@code tool}: {@code map<string, dyn>} with {@code name} ({@code ""} for a model
 *       request) and {@code arguments} (the JSON arguments of a {@code /v1/decide} call, else
 *       empty);</li>
 *   <li>{@code time}: {@code google.protobuf.Timestamp}, when the request was received; use
 *       CEL's accessors with a time zone, e.g. {@code time.getHours('Europe/Berlin')},
 *       {@code time.getDayOfWeek('America/New_York')} (0 = Sunday);</li>
 *   <li>{@code risk_band}: {@code string}, {@code low}, {@code hold} or {@code block}, by the
 *       bundle's {@link RiskBand}.</li>
 * </ul>
 */
final class PolicyCel {

    /** Bounds comprehensions ({@code exists}, {@code all}, ...) so a condition cannot run away. */
    static final int MAX_COMPREHENSION_ITERATIONS = 100_000;

    /** The names of the declared variables. */
    static final List<String> VARIABLES = List.of("principal", "request", "findings", "risk", "risk_band", "tool", "time");

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current()
                    .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                    .populateMacroCalls(true) // GuardExtractor tells exists() from the other macros
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("principal", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("findings", ListType.create(MapType.create(SimpleType.STRING, SimpleType.DYN)))
            .addVar("risk", SimpleType.INT)
            .addVar("risk_band", SimpleType.STRING)
            .addVar("tool", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("time", SimpleType.TIMESTAMP)
            .setResultType(SimpleType.BOOL)
            .build();

    private PolicyCel() {
    }

    /** Compiles a condition and its guard; the exception names the expression and CEL's diagnostics. */
    static CompiledCondition compile(String ruleId, String expression) throws PolicyBundleException {
        CelValidationResult result = CEL.compile(expression);
        if (result.hasError()) {
            throw new PolicyBundleException(ruleId,
                    "condition does not compile: \"" + expression + "\": " + result.getErrorString());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new CompiledCondition(CEL.createProgram(ast), GuardExtractor.extract(ast), ConditionReads.of(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new PolicyBundleException(ruleId, "condition does not compile: \"" + expression + "\": " + e.getMessage(), e);
        }
    }
}
