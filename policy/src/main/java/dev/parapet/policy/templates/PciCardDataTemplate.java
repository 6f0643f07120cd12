package dev.parapet.policy.templates;

import java.util.List;

/** Payment card numbers never reach a model in clear (PCI DSS). */
record PciCardDataTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "pci-card-data";
    }

    @Override
    public String description() {
        return "Redact or block Luhn-valid payment card numbers (PCI DSS 4.0 req. 3.4: PAN unreadable).";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.choice("action", "redact", List.of("redact", "block"), "redact card numbers, or refuse the request"),
                TemplateParameter.choice("redact_mode", "mask", List.of("mask", "hash", "tokenize"), "how redacted numbers are replaced"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        String when = "findings.exists(f, f.type == 'pci.card_number')";
        return TemplateOutput.ofRules(List.of(a.word("action").equals("block")
                ? TemplateOutput.rule(a.word("id"), "Refuse requests carrying payment card numbers.", when, "block",
                        "pci_card_number_blocked", "high")
                : TemplateOutput.rule(a.word("id"), "Redact payment card numbers before they leave.", when, "redact",
                        "pci_card_number_redacted", "high", "redact", List.of("pci.card_number"), "redact_mode", a.word("redact_mode"))));
    }
}
