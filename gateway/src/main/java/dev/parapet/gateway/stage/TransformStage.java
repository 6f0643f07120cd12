package dev.parapet.gateway.stage;

import dev.parapet.core.Action;
import dev.parapet.gateway.openai.ChatRequestCodec;
import dev.parapet.gateway.openai.ParsedChatRequest;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;

/**
 * Applies the decision's obligations to the request: on redact, masks the decided spans in the
 * wire body; otherwise the original bytes go upstream untouched.
 */
public final class TransformStage implements Stage {
    private final ChatRequestCodec codec;

    public TransformStage(ChatRequestCodec codec) {
        this.codec = codec;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        if (exchange.decision().action() == Action.REDACT && !exchange.decision().redactions().isEmpty()) {
            exchange.forwardBody(codec.redact((ParsedChatRequest) exchange.parsedBody(), exchange.decision().redactions()));
        }
        return chain.proceed(exchange);
    }
}
