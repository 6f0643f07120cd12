package dev.parapet.policy.templates;

/** A template that does not exist, a missing or malformed argument, or a bundle it cannot join. */
public final class TemplateException extends Exception {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
