package dev.parapet.policy.templates;

import java.util.List;

/** A named, parameterised piece of policy. Implementations are immutable. */
public sealed interface PolicyTemplate permits ModelAccessTemplate, DlpEntityTemplate, InjectionThresholdsTemplate,
        UsageLimitsTemplate, GdprResidencyTemplate, HipaaPhiTemplate, PciCardDataTemplate, AgentToolsTemplate,
        BusinessHoursTemplate, ShadowAiTemplate {

    /** The name it is instantiated by, e.g. {@code model-access-by-role}. */
    String name();

    /** One line for people. */
    String description();

    /** The parameters, in the order they are best explained. Every template also takes {@code id}. */
    List<TemplateParameter> parameters();

    /** The policy these arguments produce. */
    TemplateOutput render(TemplateArguments args);

    /** The {@code id} parameter every template has: the prefix of its rule ids and its file name. */
    static TemplateParameter idParameter(String defaultId) {
        return TemplateParameter.optional("id", TemplateParameter.Kind.WORD, defaultId,
                "the rule id (and file name) of this instance; give another to instantiate the template twice");
    }
}
