package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.app.demo.DemoUpstream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fail-closed on audit: traffic that cannot be recorded is refused, and flows again once it can. */
class AuditSpoolOutageTest {
    @TempDir
    Path dir;

    @Test
    void unwritableSpoolRefusesTrafficWith503UntilItRecovers() throws Exception {
        try (StackFixture fx = new StackFixture(dir.resolve("data"))) {
            Path spool = fx.dataDir.resolve("spool");
            assertThat(fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "first")).statusCode()).isEqualTo(200);
            fx.stack.gateway().flushEvents(); // seals the open segment and delivers it: the next event opens a new file
            Files.move(spool, fx.dataDir.resolve("spool-away"));
            Files.writeString(spool, "the disk is gone");

            // This request is answered, but its event cannot be written ...
            assertThat(fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "second")).statusCode()).isEqualTo(200);
            // ... so the gateway stops taking traffic it could not record.
            HttpResponse<String> refused = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "third"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(StackFixture.JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("audit_unavailable");
            assertThat(ready(fx)).isEqualTo(503);

            Files.delete(spool);
            Files.createDirectories(spool);
            HttpResponse<String> probe = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "fourth"));
            assertThat(probe.statusCode()).isEqualTo(503); // its event is the write that succeeds
            assertThat(fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "fifth")).statusCode()).isEqualTo(200);
            assertThat(ready(fx)).isEqualTo(200);

            JsonNode probeEvent = fx.storedEvent(probe.headers().firstValue("x-parapet-decision-id").orElseThrow());
            assertThat(probeEvent.get("reason_codes").toString()).contains("audit_unavailable");
        }
    }

    private static int ready(StackFixture fx) throws Exception {
        return fx.http.send(HttpRequest.newBuilder(URI.create(fx.stack.credentials().gatewayUrl() + "/readyz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
