package dev.parapet.gateway.stage;

import dev.parapet.core.ReasonCode;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.gateway.pipeline.Outcome;
import dev.parapet.gateway.pipeline.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the body within the configured size limit and parses it ({@link RequestParser}: a
 * provider wire format, or the decision API) into a normalised interaction. Refuses with 413
 * above the limit, 415 for a non-JSON body and 400 for a body that is not a well-formed request.
 */
public final class ParseStage implements Stage {
    private final long maxBodyBytes;
    private final RequestParser parser;

    public ParseStage(long maxBodyBytes, RequestParser parser) {
        this.maxBodyBytes = maxBodyBytes;
        this.parser = parser;
    }

    @Override
    public Outcome handle(Exchange exchange, Chain chain) {
        Optional<String> contentType = exchange.request().header("Content-Type");
        if (contentType.isPresent() && !contentType.get().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Outcome.Refused.of(ReasonCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json.");
        }
        if (exchange.request().contentLength().orElse(0) > maxBodyBytes) {
            return tooLarge();
        }
        byte[] body;
        try {
            body = readAtMost(exchange.request().body(), maxBodyBytes);
        } catch (IOException e) {
            return Outcome.Refused.of(ReasonCode.MALFORMED_REQUEST, "The request body could not be read.");
        }
        if (body == null) {
            return tooLarge();
        }
        exchange.body(body);
        return switch (parser.parse(body, exchange.provider(), exchange.endpoint())) {
            case RequestParser.Result.Invalid invalid ->
                    Outcome.Refused.of(ReasonCode.MALFORMED_REQUEST, "Malformed request: " + invalid.problem());
            case RequestParser.Result.Valid valid -> {
                exchange.parsedBody(valid.parsedBody());
                exchange.interaction(valid.interaction());
                exchange.tool(valid.tool());
                yield chain.proceed(exchange);
            }
        };
    }

    private Outcome tooLarge() {
        return Outcome.Refused.of(ReasonCode.REQUEST_TOO_LARGE,
                "Request body exceeds the limit of " + maxBodyBytes + " bytes.");
    }

    /** The whole stream, or {@code null} when it is longer than {@code limit}. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bytes.length > limit ? null : bytes;
    }
}
