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
            HttpResponse<String> first = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "first"));
            assertThat(first.statusCode()).isEqualTo(200);
            fx.storedEvent(first.headers().firstValue("x-parapet-decision-id").orElseThrow()); // written and delivered
            assertThat(fx.stack.gateway().flushEvents()).isTrue(); // the open segment is sealed: the next event opens a new file
            Files.move(spool, fx.dataDir.resolve("spool-away"));
            Files.writeString(spool, "the disk is gone");

            // This request is answered, but its event cannot be written ...
            assertThat(fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "second")).statusCode()).isEqualTo(200);
            // ... so the gateway stops taking traffic it could not record.
            awaitReadiness(fx, 503);
            HttpResponse<String> refused = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "third"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(StackFixture.JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("audit_unavailable");
            awaitFailedWrites(fx, 2); // the refusal's own event has been tried (and failed) before the disk returns

            Files.delete(spool);
            Files.createDirectories(spool);
            HttpResponse<String> probe = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "fourth"));
            assertThat(probe.statusCode()).isEqualTo(503); // its event is the write that succeeds
            awaitReadiness(fx, 200);
            assertThat(fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "fifth")).statusCode()).isEqualTo(200);

            JsonNode probeEvent = fx.storedEvent(probe.headers().firstValue("x-parapet-decision-id").orElseThrow());
            assertThat(probeEvent.get("reason_codes").toString()).contains("audit_unavailable");
        }
    }

    private static void awaitFailedWrites(StackFixture fx, int count) throws Exception {
        HttpRequest metrics = HttpRequest.newBuilder(URI.create(fx.stack.credentials().gatewayUrl() + "/metrics")).build();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (fx.http.send(metrics, HttpResponse.BodyHandlers.ofString()).body()
                    .contains("parapet_gateway_spool_failed_writes " + count + ".0")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the spool never reported " + count + " failed writes");
    }

    /** The event of a request is written just after its answer, so wait for /readyz to reflect it. */
    private static void awaitReadiness(StackFixture fx, int status) throws Exception {
        HttpRequest readyz = HttpRequest.newBuilder(URI.create(fx.stack.credentials().gatewayUrl() + "/readyz")).build();
        long deadline = System.nanoTime() + 5_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = fx.http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("/readyz stayed " + last + ", expected " + status);
    }
}
