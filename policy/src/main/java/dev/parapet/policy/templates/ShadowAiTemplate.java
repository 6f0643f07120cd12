package dev.parapet.policy.templates;

import java.util.List;

/** Only approved AI models and providers may be reached (no shadow AI). */
record ShadowAiTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "block-shadow-ai";
    }

    @Override
    public String description() {
        return "Only approved models (exact names or prefixes ending in *) may be called; anything else is unapproved (shadow) AI.";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("approved_models", TemplateParameter.Kind.WORD_LIST,
                        "approved models or prefixes, e.g. gpt-4o,claude-*,parapet-echo"),
                TemplateParameter.choice("action", "block", List.of("block", "alert"), "what happens to unapproved models"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        return TemplateOutput.ofRules(List.of(TemplateOutput.rule(a.word("id"),
                "Models outside the approved list are unapproved (shadow) AI.",
                "request.model != '' && !" + Cel.matchesAny("request.model", a.words("approved_models")),
                a.word("action"), "unapproved_ai_model", "medium")));
    }
}
