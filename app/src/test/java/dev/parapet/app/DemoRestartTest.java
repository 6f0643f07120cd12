package dev.parapet.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.app.demo.DemoCredentials;
import dev.parapet.app.demo.DemoUpstream;
import dev.parapet.policy.signing.TrustedKey;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start reuses the data, the same credentials and bundle-signing key; a clean stop delivers every event first. */
class DemoRestartTest {
    @TempDir
    Path dir;

    @Test
    void secondStartReusesCredentialsAndKeepsEventsDeliveredAtShutdown() throws Exception {
        Path data = dir.resolve("data");
        try (StackFixture fx = new StackFixture(data)) {
            DemoCredentials first = DemoCredentials.read(data).orElseThrow();
            assertThat(first.apiKey()).startsWith("pk_");
            assertThat(first.adminToken()).startsWith("pat_");
            assertThat(Files.getPosixFilePermissions(data.resolve(DemoCredentials.FILE_NAME)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            TrustedKey signingKey = fx.stack.control().bundleSigningKey().orElseThrow();
            assertThat(Files.getPosixFilePermissions(data.resolve(LocalStack.DEMO_SIGNING_KEY)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            HttpResponse<String> res = fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "before restart"));
            assertThat(res.statusCode()).isEqualTo(200);
            String decisionId = res.headers().firstValue("x-parapet-decision-id").orElseThrow();

            fx.restart(); // the event may still be in the spool: shutdown must deliver it

            DemoCredentials second = DemoCredentials.read(data).orElseThrow();
            assertThat(second.apiKey()).isEqualTo(first.apiKey());
            assertThat(second.adminToken()).isEqualTo(first.adminToken());
            assertThat(fx.stack.control().bundleSigningKey()).contains(signingKey);
            assertThat(fx.stack.gateway().pendingEvents()).isZero();
            assertThat(fx.storedEvent(decisionId).get("decision").asText()).isEqualTo("allow");
            assertThat(fx.chat(StackFixture.userMessage(DemoUpstream.MODEL, "after restart")).statusCode()).isEqualTo(200);
        }
    }
}
