package dev.parapet.policy.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request, token and cost limits for one scope. */
record UsageLimitsTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "usage-limits";
    }

    @Override
    public String description() {
        return "Requests/min, tokens/min and a USD budget per tenant, user, agent, API key or model (limits.yaml).";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.choice("scope", "user", List.of("tenant", "user", "agent", "api_key", "model"),
                        "what each limit counts against"),
                TemplateParameter.optional("key", TemplateParameter.Kind.WORD, null, "one user, agent, key or model only (default: each)"),
                TemplateParameter.optional("requests_per_minute", TemplateParameter.Kind.INTEGER, null, "request rate"),
                TemplateParameter.optional("tokens_per_minute", TemplateParameter.Kind.INTEGER, null, "token rate"),
                TemplateParameter.optional("budget_usd", TemplateParameter.Kind.DECIMAL, null, "spending budget in USD"),
                TemplateParameter.choice("period", "month", List.of("day", "month"), "the budget's period"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        List<Map<String, Object>> rates = new ArrayList<>();
        List<Map<String, Object>> budgets = new ArrayList<>();
        if (a.optionalInteger("requests_per_minute").isPresent() || a.optionalInteger("tokens_per_minute").isPresent()) {
            Map<String, Object> r = scoped(a);
            a.optionalInteger("requests_per_minute").ifPresent(v -> r.put("requests_per_minute", v));
            a.optionalInteger("tokens_per_minute").ifPresent(v -> r.put("tokens_per_minute", v));
            rates.add(r);
        }
        a.optionalDecimal("budget_usd").ifPresent(usd -> {
            Map<String, Object> b = scoped(a);
            b.put("period", a.word("period"));
            b.put("usd", usd);
            budgets.add(b);
        });
        return new TemplateOutput(List.of(), rates, budgets, Optional.empty());
    }

    private static Map<String, Object> scoped(TemplateArguments a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", a.word("scope"));
        a.optionalWord("key").ifPresent(k -> m.put("key", k));
        return m;
    }
}
