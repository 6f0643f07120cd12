package dev.parapet.policy.templates;

import java.util.List;

/** EU principals only to EU-hosted models. */
record GdprResidencyTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "gdpr-residency";
    }

    @Override
    public String description() {
        return "Principals whose region attribute is an EU value may only call EU-hosted models (GDPR data residency).";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("eu_models", TemplateParameter.Kind.WORD_LIST,
                        "models hosted in the EU, e.g. mistral-large,azure-eu-gpt-4o, or prefixes ending in *"),
                TemplateParameter.optional("attribute", TemplateParameter.Kind.WORD, "region", "the principal attribute holding the region"),
                TemplateParameter.optional("eu_values", TemplateParameter.Kind.WORD_LIST, "eu", "attribute values that mean EU"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        String attr = Cel.str(a.word("attribute"));
        return TemplateOutput.ofRules(List.of(TemplateOutput.rule(a.word("id"),
                "EU principals may only use EU-hosted models (GDPR Art. 44 transfers).",
                attr + " in principal.attributes && principal.attributes[" + attr + "] in " + Cel.list(a.words("eu_values"))
                        + " && !" + Cel.matchesAny("request.model", a.words("eu_models")),
                "block", "gdpr_residency_violation", "high")));
    }
}
