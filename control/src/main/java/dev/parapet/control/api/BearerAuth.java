package dev.parapet.control.api;

import dev.parapet.control.provisioning.Caller;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.core.SecretHash;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the bearer token of a request to a tenant. Tokens are hashed before the lookup and
 * never logged or echoed; every failure answers the same 401 {@code unauthorized}, so a client
 * cannot tell an unknown token from a revoked one.
 */
public final class BearerAuth {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final Function<String, Optional<Caller>> callerByHash;

    private BearerAuth(Function<String, Optional<Caller>> callerByHash) {
        this.callerByHash = callerByHash;
    }

    /** Authenticates admin tokens ({@code pat_…}). */
    public static BearerAuth adminTokens(Provisioning provisioning) {
        return new BearerAuth(provisioning::findAdminCaller);
    }

    /** Authenticates gateway tokens ({@code pgw_…}). */
    public static BearerAuth gatewayTokens(Provisioning provisioning) {
        return new BearerAuth(provisioning::findGatewayCaller);
    }

    /** The tenant the request's token belongs to; throws 401 {@code unauthorized} otherwise. */
    public String tenantOf(ServerRequest req) {
        return callerOf(req).tenantId();
    }

    /** The tenant and actor of the request's token; throws 401 {@code unauthorized} otherwise. */
    public Caller callerOf(ServerRequest req) {
        String token = token(req).orElseThrow(
                () -> new ApiException(ErrorCode.UNAUTHORIZED, "A valid bearer token is required."));
        return callerByHash.apply(SecretHash.of(token)).orElseThrow(
                () -> new ApiException(ErrorCode.UNAUTHORIZED, "A valid bearer token is required."));
    }

    static Optional<String> token(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.chars().anyMatch(ch -> ch <= ' ' || ch > '~')) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
