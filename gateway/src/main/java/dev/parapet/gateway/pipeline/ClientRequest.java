package dev.parapet.gateway.pipeline;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/** The client's HTTP request as the stages see it, independent of the server library. */
public interface ClientRequest {

    /** The first value of a header, by case-insensitive name. */
    Optional<String> header(String name);

    /** The declared body length, when the client sent one. */
    OptionalLong contentLength();

    /** The body; read it at most once. */
    InputStream body();
}
