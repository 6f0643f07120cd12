package dev.parapet.policy.templates;

import java.util.List;

/** Only some roles may use some models. */
record ModelAccessTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "model-access-by-role";
    }

    @Override
    public String description() {
        return "Only the given roles may call the given models (exact names, or prefixes ending in *).";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("models", TemplateParameter.Kind.WORD_LIST, "models this rule guards, e.g. gpt-4o,claude-opus-*"),
                TemplateParameter.required("roles", TemplateParameter.Kind.WORD_LIST, "roles allowed to use them, e.g. admin,ml-engineer"),
                TemplateParameter.choice("action", "block", List.of("block", "alert"), "what happens to other roles"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        return TemplateOutput.ofRules(List.of(TemplateOutput.rule(a.word("id"),
                "Models " + String.join(", ", a.words("models")) + " are for roles " + String.join(", ", a.words("roles")) + " only.",
                Cel.matchesAny("request.model", a.words("models")) + " && !(principal.role in " + Cel.list(a.words("roles")) + ")",
                a.word("action"), "model_not_allowed", "medium")));
    }
}
