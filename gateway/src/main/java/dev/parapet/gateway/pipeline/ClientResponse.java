package dev.parapet.gateway.pipeline;

import java.io.OutputStream;
import java.util.Map;

/** Where the answer to the client goes, independent of the server library. */
public interface ClientResponse {

    /** Sends a complete response. */
    void send(int status, Map<String, String> headers, byte[] body);

    /**
     * Starts a streamed response; the caller writes, flushes after each event, and closes the
     * stream to end the response.
     */
    OutputStream stream(int status, Map<String, String> headers);

    /** Whether a response (complete or streamed) has been started. */
    boolean committed();
}
