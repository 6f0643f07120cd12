/**
 * Policy templates: named, parameterised pieces of policy a tenant instantiates into a bundle
 * directory instead of writing CEL by hand — model access by role, DLP actions per entity type,
 * prompt-injection thresholds, usage limits, GDPR residency, HIPAA PHI, PCI card data, agent tool
 * allow-lists, business hours, unapproved (shadow) AI models. Arguments are typed and validated,
 * and rendered into conditions only as escaped CEL literals; the bundle is validated as a whole
 * after every instantiation ({@link dev.parapet.policy.templates.PolicyTemplates#apply}).
 */
package dev.parapet.policy.templates;
