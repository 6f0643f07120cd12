package dev.parapet.policy.templates;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** A template's arguments, parsed and checked against its parameters. */
public final class TemplateArguments {

    private final Map<String, Object> values;

    private TemplateArguments(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * Parses {@code raw} (parameter name → text) for {@code template}.
     *
     * @throws TemplateException on an unknown parameter, a missing required one, or a value of
     *                           the wrong form — naming the parameter
     */
    public static TemplateArguments parse(PolicyTemplate template, Map<String, String> raw) throws TemplateException {
        Map<String, TemplateParameter> byName = new HashMap<>();
        for (TemplateParameter p : template.parameters()) {
            byName.put(p.name(), p);
        }
        for (String name : raw.keySet()) {
            if (!byName.containsKey(name)) {
                throw new TemplateException("template " + template.name() + " has no parameter '" + name + "' (it has: "
                        + String.join(", ", new TreeSet<>(byName.keySet())) + ")");
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (TemplateParameter p : template.parameters()) {
            String text = raw.get(p.name());
            if (text == null) {
                text = p.defaultValue();
            }
            if (text == null) {
                if (p.required()) {
                    throw new TemplateException("template " + template.name() + " needs parameter '" + p.name() + "': "
                            + p.description());
                }
                continue;
            }
            values.put(p.name(), p.parse(text));
        }
        return new TemplateArguments(values);
    }

    public String word(String name) {
        return (String) values.get(name);
    }

    public Optional<String> optionalWord(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<String> words(String name) {
        return (List<String>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public Optional<List<String>> optionalWords(String name) {
        return Optional.ofNullable((List<String>) values.get(name));
    }

    public long integer(String name) {
        return (Long) values.get(name);
    }

    public Optional<Long> optionalInteger(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Optional<BigDecimal> optionalDecimal(String name) {
        return Optional.ofNullable((BigDecimal) values.get(name));
    }

    public ZoneId zone(String name) {
        return (ZoneId) values.get(name);
    }
}
