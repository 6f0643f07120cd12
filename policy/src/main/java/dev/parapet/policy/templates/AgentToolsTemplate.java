package dev.parapet.policy.templates;

import java.util.List;

/** Agents may call only the listed tools. */
record AgentToolsTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "agent-tool-allow-list";
    }

    @Override
    public String description() {
        return "Agents (all, or the listed ones) may call only the listed tools through POST /v1/decide.";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("tools", TemplateParameter.Kind.WORD_LIST, "allowed tool names, e.g. search,send_email"),
                TemplateParameter.optional("agents", TemplateParameter.Kind.WORD_LIST, null,
                        "principal ids this applies to (default: every agent)"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        String who = a.optionalWords("agents").map(ids -> "principal.id in " + Cel.list(ids))
                .orElse("principal.kind == 'agent'");
        return TemplateOutput.ofRules(List.of(TemplateOutput.rule(a.word("id"),
                "Agents may call only: " + String.join(", ", a.words("tools")) + ".",
                who + " && tool.name != '' && !(tool.name in " + Cel.list(a.words("tools")) + ")",
                "block", "tool_not_allowed", "high")));
    }
}
