package dev.parapet.policy.templates;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the risk score holds and blocks, and what the hold band does. */
record InjectionThresholdsTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "prompt-injection-thresholds";
    }

    @Override
    public String description() {
        return "Set the risk bands (hold, block) and rules that block the block band and hold (or monitor) the hold band.";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.optional("hold", TemplateParameter.Kind.INTEGER, "53", "lowest risk score of the hold band, 0-100"),
                TemplateParameter.optional("block", TemplateParameter.Kind.INTEGER, "84", "lowest risk score of the block band, 0-100"),
                TemplateParameter.choice("hold_mode", "monitor", List.of("monitor", "enforce"),
                        "monitor: report the hold band only; enforce: hold those requests for review"),
                PolicyTemplate.idParameter("risk"));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        String id = a.word("id");
        Map<String, Object> hold = TemplateOutput.rule(id + "-hold",
                "Requests in the hold band look like attacks without enough certainty to block.",
                "risk_band == 'hold'", "hold", "prompt_injection_suspected", "medium", "mode", a.word("hold_mode"));
        Map<String, Object> block = TemplateOutput.rule(id + "-block",
                "Requests in the block band are likely prompt injections or jailbreaks.",
                "risk_band == 'block'", "block", "prompt_injection_detected", "high");
        return new TemplateOutput(List.of(block, hold), List.of(), List.of(),
                Optional.of(Map.of("hold", a.integer("hold"), "block", a.integer("block"))));
    }
}
