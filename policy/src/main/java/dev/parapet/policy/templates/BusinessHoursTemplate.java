package dev.parapet.policy.templates;

import java.util.List;

/** Use outside business hours is blocked (or flagged). */
record BusinessHoursTemplate() implements PolicyTemplate {

    @Override
    public String name() {
        return "business-hours";
    }

    @Override
    public String description() {
        return "Block (or alert on) requests outside business hours in a time zone, for all or some roles.";
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("time_zone", TemplateParameter.Kind.TIME_ZONE, "e.g. Europe/Berlin"),
                TemplateParameter.optional("start_hour", TemplateParameter.Kind.INTEGER, "9", "first hour of the day, 0-23"),
                TemplateParameter.optional("end_hour", TemplateParameter.Kind.INTEGER, "18", "hour the day ends, 1-24"),
                TemplateParameter.choice("weekdays_only", "true", List.of("true", "false"), "true: Monday to Friday only"),
                TemplateParameter.optional("roles", TemplateParameter.Kind.WORD_LIST, null, "roles this applies to (default: all)"),
                TemplateParameter.choice("action", "block", List.of("block", "alert"), "what happens outside the hours"),
                PolicyTemplate.idParameter(name()));
    }

    @Override
    public TemplateOutput render(TemplateArguments a) {
        String tz = Cel.str(a.zone("time_zone").getId());
        long start = Math.clamp(a.integer("start_hour"), 0, 23);
        long end = Math.clamp(a.integer("end_hour"), start + 1, 24);
        StringBuilder outside = new StringBuilder("(time.getHours(" + tz + ") < " + start + " || time.getHours(" + tz + ") >= " + end);
        if ("true".equals(a.word("weekdays_only"))) {
            outside.append(" || time.getDayOfWeek(").append(tz).append(") in [0, 6]");
        }
        outside.append(')');
        String when = a.optionalWords("roles").map(r -> "principal.role in " + Cel.list(r) + " && ").orElse("") + outside;
        return TemplateOutput.ofRules(List.of(TemplateOutput.rule(a.word("id"),
                "Outside business hours (" + start + ":00-" + end + ":00 " + a.zone("time_zone").getId() + ").",
                when, a.word("action"), "outside_business_hours", "low")));
    }
}
