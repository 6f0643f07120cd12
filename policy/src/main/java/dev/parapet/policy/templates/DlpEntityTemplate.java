package dev.parapet.policy.templates;

import java.util.List;

/** Redact or block chosen DLP entity types. */
record DlpEntityTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "dlp-entities";
    }

    @Override
    public String description() {
        return "Redact (mask, hash or tokenize) or block the given finding types or families (pii.phone, secret.*).";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("entities", TemplateParameter.Kind.WORD_LIST,
                        "finding types or families, e.g. pii.phone,pii.iban,secret.*"),
                TemplateParameter.choice("action", "redact", List.of("redact", "block"), "redact the spans, or refuse the request"),
                TemplateParameter.choice("redact_mode", "mask", List.of("mask", "hash", "tokenize"), "how redacted spans are replaced"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        List<String> entities = a.words("entities");
        List<String> types = entities.stream().filter(e -> !e.endsWith(".*")).toList();
        List<String> families = entities.stream().filter(e -> e.endsWith(".*")).map(e -> e.substring(0, e.length() - 2)).toList();
        StringBuilder when = new StringBuilder("findings.exists(f, ");
        if (!types.isEmpty()) {
            when.append("f.type in ").append(Cel.list(types));
        }
        if (!families.isEmpty()) {
            when.append(types.isEmpty() ? "" : " || ").append("f.family in ").append(Cel.list(families));
        }
        when.append(')');
        String description = (a.word("action").equals("block") ? "Refuse requests carrying " : "Redact ")
                + String.join(", ", entities) + ".";
        return TemplateOutput.ofRules(List.of(a.word("action").equals("block")
                ? TemplateOutput.rule(a.word("id"), description, when.toString(), "block", "sensitive_data_blocked", "high")
                : TemplateOutput.rule(a.word("id"), description, when.toString(), "redact", "sensitive_data_redacted", "medium",
                        "redact", entities, "redact_mode", a.word("redact_mode"))));
    }
}
