package dev.parapet.gateway.stage;

import dev.parapet.core.Action;
import dev.parapet.detect.Replacement;
import dev.parapet.detect.TokenVault;
import dev.parapet.gateway.openai.ChatRequestCodec;
import dev.parapet.gateway.openai.ParsedChatRequest;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import dev.parapet.policy.PolicyDecision;

/**
 * Applies the decision's obligations to the request: on redact, replaces the decided spans in
 * the wire body, each finding type in its mode — masked, keyed-hashed, or tokenized into the
 * request's {@link TokenVault} for the forward stage to restore in the answer. Otherwise the
 * original bytes go upstream untouched.
 */
public final class TransformStage implements Stage {
    private final ChatRequestCodec codec;
    private final Replacement keyedHash;

    /** @param hashKey the key of {@code hash}-mode redaction, at least 32 bytes */
    public TransformStage(ChatRequestCodec codec, byte[] hashKey) {
        this.codec = codec;
        this.keyedHash = Replacement.keyedHash(hashKey);
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        PolicyDecision decision = exchange.decision();
        if (decision.action() == Action.REDACT && !decision.redactions().isEmpty()) {
            TokenVault tokens = new TokenVault();
            Replacement replacement = Replacement.byMode(decision.redactModes(), keyedHash, tokens);
            exchange.forwardBody(codec.redact((ParsedChatRequest) exchange.parsedBody(), decision.redactions(), replacement));
            if (!tokens.isEmpty()) {
                exchange.tokens(tokens);
            }
        }
        return chain.proceed(exchange);
    }
}
