package dev.parapet.policy.templates;

import java.util.List;

/** Protected health information never reaches a model unredacted. */
record HipaaPhiTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "hipaa-phi";
    }

    @Override
    public String description() {
        return "Redact or block health identifiers (family phi: NPI, DEA, NHS, Medicare, MRN) and US SSNs (HIPAA identifiers).";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.choice("action", "redact", List.of("redact", "block"), "redact the identifiers, or refuse the request"),
                TemplateParameter.choice("redact_mode", "tokenize", List.of("mask", "hash", "tokenize"),
                        "how redacted identifiers are replaced (tokenize restores them in the answer)"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        String when = "findings.exists(f, f.family == 'phi' || f.type == 'pii.us_ssn')";
        return TemplateOutput.ofRules(List.of(a.word("action").equals("block")
                ? TemplateOutput.rule(a.word("id"), "Refuse requests carrying protected health information.", when,
                        "block", "phi_blocked", "high")
                : TemplateOutput.rule(a.word("id"), "Redact protected health information before it leaves.", when,
                        "redact", "phi_redacted", "high", "redact", List.of("phi.*", "pii.us_ssn"), "redact_mode", a.word("redact_mode"))));
    }
}
