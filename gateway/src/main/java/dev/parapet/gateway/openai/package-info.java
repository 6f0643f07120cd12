/**
 * OpenAI's chat-completions wire format on the client side of the gateway: parsing a request into
 * a normalised {@link dev.parapet.core.Interaction}, rewriting it after redaction, and the
 * OpenAI-style error body.
 */
package dev.parapet.gateway.openai;
