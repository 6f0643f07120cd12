package dev.parapet.gateway.stage;

import dev.parapet.core.Principal;
import dev.parapet.core.ReasonCode;
import dev.parapet.gateway.auth.ApiKeyDirectory;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import java.util.Optional;

/**
 * Turns {@code Authorization: Bearer <parapet api key>} into a principal, or refuses with 401: keys
 * come from the exchange's bundle ({@code principals.yaml}) and the gateway's configuration, and a
 * principal the bundle revokes is refused whatever key it presents.
 */
public final class AuthenticateStage implements Stage {
    private static final String BEARER = "Bearer ";
    private final ApiKeyDirectory keys;

    public AuthenticateStage(ApiKeyDirectory keys) {
        this.keys = keys;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        Optional<String> header = exchange.request().header("Authorization");
        if (header.isEmpty() || header.get().isBlank()) {
            return Outcome.Refused.of(ReasonCode.MISSING_API_KEY,
                    "Missing API key: send 'Authorization: Bearer <your Parapet API key>'.");
        }
        String value = header.get();
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length()) || value.length() == BEARER.length()) {
            return Outcome.Refused.of(ReasonCode.INVALID_API_KEY,
                    "Malformed Authorization header: expected 'Bearer <your Parapet API key>'.");
        }
        Optional<Principal> principal = keys.find(value.substring(BEARER.length()).trim(),
                exchange.policy().bundle().principals(), exchange.receivedAt());
        if (principal.isEmpty()) {
            return Outcome.Refused.of(ReasonCode.INVALID_API_KEY, "Invalid API key.");
        }
        exchange.principal(principal.get());
        return chain.proceed(exchange);
    }
}
