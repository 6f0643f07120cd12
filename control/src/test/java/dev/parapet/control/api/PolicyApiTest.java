package dev.parapet.control.api;

import static dev.parapet.control.Http.json;
import static dev.parapet.control.TestBundles.bundle;
import static dev.parapet.control.TestBundles.filesJson;
import static dev.parapet.control.TestBundles.publishBody;
import static dev.parapet.control.TestBundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.control.ControlConfig;
import dev.parapet.control.ControlPlane;
import dev.parapet.control.Http;
import dev.parapet.control.TestDatabase;
import dev.parapet.control.audit.AdminAuditLog;
import dev.parapet.control.audit.AuditRecord;
import dev.parapet.control.policy.BundleSigning;
import dev.parapet.control.provisioning.Provisioning;
import dev.parapet.control.store.ControlDatabase;
import dev.parapet.core.event.EventJson;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.BundleSignature;
import dev.parapet.policy.signing.BundleVerifier;
import dev.parapet.policy.signing.PemKeys;
import dev.parapet.policy.signing.SignaturesFile;
import dev.parapet.policy.signing.SigningKey;
import dev.parapet.policy.signing.TrustedKey;
import dev.parapet.policy.signing.Verification;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Publishing, listing, diffing and rolling back policy versions, and serving them to gateways, over real HTTP. */
class PolicyApiTest {
    private static final SigningKey PLANE_KEY = SigningKey.generate();

    private static ControlDatabase db;
    private static ControlPlane plane;
    private static Http http;
    private static Provisioning provisioning;

    private String tenant;
    private String admin;
    private String gateway;

    @BeforeAll
    static void start() {
        db = TestDatabase.openPool();
        plane = ControlPlane.start(ControlConfig.embedded(Path.of("unused")).withPort(0)
                .withBundleSigning(new BundleSigning.Key(PLANE_KEY)), db.dataSource());
        http = new Http(plane.url());
        provisioning = plane.provisioning();
    }

    @AfterAll
    static void stop() {
        plane.close();
        db.close();
    }

    @BeforeEach
    void newTenant() {
        tenant = provisioning.createTenant("policy test").id();
        admin = provisioning.issueAdminToken(tenant, "alice@example.com");
        gateway = provisioning.issueGatewayToken(tenant, "gw-1");
    }

    private HttpResponse<String> publish(Map<String, byte[]> files, String reason) {
        return http.post("/v1/policy/bundles", admin, publishBody(files, reason));
    }

    private JsonNode published(Map<String, byte[]> files, String reason) {
        HttpResponse<String> r = publish(files, reason);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private HttpResponse<String> fetch(String... headers) {
        return http.send(http.getRequest("/v1/gateway/bundle", gateway, headers));
    }

    private static String etag(String digest) {
        return "\"" + digest + "\"";
    }

    private static String digestOf(Map<String, byte[]> files) throws Exception {
        return BundleFiles.of(files).digest();
    }

    private static Map<String, byte[]> decodeFiles(JsonNode files) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        files.properties().forEach(e -> decoded.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        return decoded;
    }

    private static Verification verify(JsonNode body, TrustedKey... trusted) throws Exception {
        byte[] signatures = EventJson.mapper().writeValueAsBytes(body.get("signatures"));
        return new BundleVerifier(List.of(trusted)).verify(BundleFiles.of(decodeFiles(body.get("files"))),
                SignaturesFile.parse(signatures));
    }

    @Test
    void aPublishedBundleIsServedToTheTenantsGatewaysSignedWithItsDigestAsETag() throws Exception {
        Map<String, byte[]> files = bundle("1", 80);

        JsonNode created = published(files, "first rules");
        HttpResponse<String> served = fetch();

        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("parent_version").isNull()).isTrue();
        assertThat(created.get("digest").asText()).isEqualTo(digestOf(files));
        assertThat(created.get("key_id").asText()).isEqualTo(PLANE_KEY.keyId());
        assertThat(created.get("author").asText()).isEqualTo("alice@example.com");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("ETag")).contains(etag(digestOf(files)));
        assertThat(served.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json(served);
        assertThat(body.get("tenant").asText()).isEqualTo(tenant);
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("digest").asText()).isEqualTo(digestOf(files));
        assertThat(decodeFiles(body.get("files"))).containsOnlyKeys(files.keySet());
        assertThat(decodeFiles(body.get("files")).get("rules/10-risk.yaml")).isEqualTo(files.get("rules/10-risk.yaml"));
        assertThat(body.get("signatures").get("format").asText()).isEqualTo(SignaturesFile.FORMAT);
        assertThat(verify(body, PLANE_KEY.trustedKey())).isInstanceOf(Verification.Verified.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the current digest       | "%s"                   | 304
            a weak tag of it         | W/"%s"                 | 304
            one of a list            | "sha256:old", "%s"     | 304
            any                      | *                      | 304
            an older digest          | "sha256:old"           | 200
            """)
    void ifNoneMatchDecidesBetweenTheBundleAnd304(String name, String header, int status) throws Exception {
        Map<String, byte[]> files = bundle("1", 80);
        published(files, "first");

        HttpResponse<String> r = fetch("If-None-Match", header.formatted(digestOf(files)));

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("ETag")).contains(etag(digestOf(files)));
        if (status == 304) {
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void aLongPollAnswersPromptlyWhenANewVersionIsPublished() throws Exception {
        Map<String, byte[]> v1 = bundle("1", 80);
        published(v1, "first");
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
                http.getRequest("/v1/gateway/bundle?wait=30", gateway, "If-None-Match", etag(digestOf(v1))));
        Thread.sleep(300);
        assertThat(poll).isNotDone();

        Map<String, byte[]> v2 = bundle("2", 70);
        published(v2, "second");
        long publishedAt = System.nanoTime();
        HttpResponse<String> answer = poll.get(5, TimeUnit.SECONDS);
        long afterPublishMillis = (System.nanoTime() - publishedAt) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).get("version").asInt()).isEqualTo(2);
        assertThat(answer.headers().firstValue("ETag")).contains(etag(digestOf(v2)));
        assertThat(afterPublishMillis).isLessThan(1_000);
    }

    @Test
    void aLongPollAnswers304WhenTheWaitRunsOut() throws Exception {
        Map<String, byte[]> v1 = bundle("1", 80);
        published(v1, "first");
        long start = System.nanoTime();

        HttpResponse<String> r = fetch2("/v1/gateway/bundle?wait=1", "If-None-Match", etag(digestOf(v1)));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(millis).isBetween(900L, 4_000L);
    }

    private HttpResponse<String> fetch2(String path, String... headers) {
        return http.send(http.getRequest(path, gateway, headers));
    }

    @ParameterizedTest(name = "wait={0}")
    @CsvSource({"-1", "61", "soon"})
    void aWaitOutside0To60IsRefused(String wait) throws Exception {
        published(bundle("1", 80), "first");

        HttpResponse<String> r = fetch2("/v1/gateway/bundle?wait=" + wait);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("invalid_parameter");
    }

    @Test
    void aTenantThatNeverPublishedHasNoBundle() {
        HttpResponse<String> r = fetch();

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
        assertThat(json(r).get("code").asText()).isEqualTo("no_bundle");
    }

    @Test
    void tokensAreCheckedForTheirKind() throws Exception {
        published(bundle("1", 80), "first");

        assertThat(http.get("/v1/gateway/bundle", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/gateway/bundle", admin).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/gateway/bundle", "pgw_not-a-token").statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/policy/bundles", gateway).statusCode()).isEqualTo(401);
        HttpResponse<String> publishWithGatewayToken = http.post("/v1/policy/bundles", gateway,
                publishBody(bundle("2", 70), "x"));
        assertThat(publishWithGatewayToken.statusCode()).isEqualTo(401);
        assertThat(json(publishWithGatewayToken).get("code").asText()).isEqualTo("unauthorized");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a rule with an unknown action | rules/10-risk.yaml | rules:\\n  - id: r1\\n    when: 'true'\\n    action: explode\\n    reason_code: x_y\\n
            a condition that does not compile | rules/10-risk.yaml | rules:\\n  - id: r1\\n    when: 'risk >>> 3'\\n    action: block\\n    reason_code: x_y\\n
            a file outside the layout     | README.md          | hello\\n
            a misspelt manifest field     | manifest.yaml      | name: t\\nversion: '1'\\nonerror: fail_open\\n
            another tenant's manifest     | manifest.yaml      | name: t\\nversion: '1'\\ntenant: someone-else\\n
            """)
    void anInvalidBundleIsRefusedNamingTheFile(String name, String file, String content) throws Exception {
        Map<String, byte[]> files = bundle("1", 80);
        files.put(file, utf8(content.replace("\\n", "\n")));

        HttpResponse<String> r = publish(files, "broken");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json(r);
        assertThat(problem.get("code").asText()).isEqualTo("invalid_bundle");
        assertThat(problem.get("detail").asText()).startsWith(file + ": ");
        assertThat(problem.get("file").asText()).isEqualTo(file);
        assertThat(fetch().statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON             | {files:
            no files             | {"reason":"x"}
            empty files          | {"files":{}}
            content not base64   | {"files":{"manifest.yaml":"%%%"}}
            an unknown field     | {"files":{"manifest.yaml":"bmFtZTogdAo="},"reasons":"x"}
            a blank reason       | {"files":{"manifest.yaml":"bmFtZTogdAo="},"reason":"  "}
            signatures not an object | {"files":{"manifest.yaml":"bmFtZTogdAo="},"signatures":"x"}
            """)
    void aMalformedUploadIs400(String name, String body) {
        HttpResponse<String> r = http.post("/v1/policy/bundles", admin, body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("malformed_request");
    }

    @Test
    void publishingTheCurrentContentAgainIsNoChange() throws Exception {
        Map<String, byte[]> files = bundle("1", 80);
        published(files, "first");

        HttpResponse<String> again = publish(files, "again");

        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode problem = json(again);
        assertThat(problem.get("code").asText()).isEqualTo("no_change");
        assertThat(problem.get("current_version").asText()).isEqualTo("1");
        assertThat(json(http.get("/v1/policy/bundles", admin)).get("items")).hasSize(1);
    }

    @Test
    void rollbackPublishesAnOldVersionsContentAsANewVersion() throws Exception {
        Map<String, byte[]> v1 = bundle("1", 80);
        published(v1, "first");
        published(bundle("2", 70), "second");

        HttpResponse<String> r = http.post("/v1/policy/rollback", admin, "{\"version\":1,\"reason\":\"v2 blocks too much\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = json(r);
        assertThat(created.get("version").asInt()).isEqualTo(3);
        assertThat(created.get("parent_version").asInt()).isEqualTo(2);
        assertThat(created.get("rollback_of").asInt()).isEqualTo(1);
        assertThat(created.get("kind").asText()).isEqualTo("rollback");
        assertThat(created.get("digest").asText()).isEqualTo(digestOf(v1));
        assertThat(r.headers().firstValue("Location")).contains("/v1/policy/bundles/3");
        JsonNode served = json(fetch());
        assertThat(served.get("version").asInt()).isEqualTo(3);
        assertThat(decodeFiles(served.get("files")).get("rules/10-risk.yaml")).isEqualTo(v1.get("rules/10-risk.yaml"));
        assertThat(verify(served, PLANE_KEY.trustedKey())).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void rollbackIsRefusedForAnUnknownVersionTheCurrentContentOrWithoutAReason() throws Exception {
        published(bundle("1", 80), "first");

        HttpResponse<String> unknown = http.post("/v1/policy/rollback", admin, "{\"version\":99,\"reason\":\"x\"}");
        HttpResponse<String> current = http.post("/v1/policy/rollback", admin, "{\"version\":1,\"reason\":\"x\"}");
        HttpResponse<String> noReason = http.post("/v1/policy/rollback", admin, "{\"version\":1}");
        HttpResponse<String> badVersion = http.post("/v1/policy/rollback", admin, "{\"version\":\"1\",\"reason\":\"x\"}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(current.statusCode()).isEqualTo(409);
        assertThat(json(current).get("code").asText()).isEqualTo("no_change");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(badVersion.statusCode()).isEqualTo(400);
    }

    @Test
    void publishAndRollbackAreAuditedWithActorVersionDigestAndReason() throws Exception {
        JsonNode v1 = published(bundle("1", 80), "first rules");
        published(bundle("2", 70), "tighter");
        http.post("/v1/policy/rollback", admin, "{\"version\":1,\"reason\":\"too strict\"}");

        List<AuditRecord> audit = new AdminAuditLog(db.dataSource()).newest(tenant, 10).stream()
                .filter(a -> a.entry().action().startsWith("policy.")).toList(); // key issuance is audited too

        assertThat(audit).extracting(a -> a.entry().action())
                .containsExactly("policy.rollback", "policy.publish", "policy.publish");
        assertThat(audit).allSatisfy(a -> assertThat(a.entry().actor()).isEqualTo("alice@example.com"));
        AuditRecord rollback = audit.getFirst();
        assertThat(rollback.entry().target()).isEqualTo("policy_version:3");
        assertThat(rollback.entry().details()).containsEntry("version", 3).containsEntry("rollback_of", 1)
                .containsEntry("parent_version", 2).containsEntry("digest", v1.get("digest").asText())
                .containsEntry("reason", "too strict");
    }

    @Test
    void versionsAreListedNewestFirstWithTheCurrentOneMarked() throws Exception {
        for (int i = 1; i <= 3; i++) {
            published(bundle(Integer.toString(i), 60 + i), "v" + i);
        }

        JsonNode first = json(http.get("/v1/policy/bundles?limit=2", admin));
        JsonNode rest = json(http.get("/v1/policy/bundles?limit=2&cursor=" + first.get("next_cursor").asText(), admin));

        List<Integer> versions = new ArrayList<>();
        first.get("items").forEach(i -> versions.add(i.get("version").asInt()));
        rest.get("items").forEach(i -> versions.add(i.get("version").asInt()));
        assertThat(versions).containsExactly(3, 2, 1);
        assertThat(first.get("items").get(0).get("current").asBoolean()).isTrue();
        assertThat(first.get("items").get(1).get("current").asBoolean()).isFalse();
        assertThat(first.get("items").get(1).get("reason").asText()).isEqualTo("v2");
        assertThat(first.get("items").get(1).get("author").asText()).isEqualTo("alice@example.com");
        assertThat(first.get("items").get(1).has("created_at")).isTrue();
        assertThat(rest.get("next_cursor").isNull()).isTrue();
        assertThat(http.get("/v1/policy/bundles?cursor=bogus", admin).statusCode()).isEqualTo(400);
        assertThat(http.get("/v1/policy/bundles?limit=0", admin).statusCode()).isEqualTo(400);
    }

    @Test
    void oneVersionIsShownWithItsFilesAndSignatures() throws Exception {
        Map<String, byte[]> v1 = bundle("1", 80);
        published(v1, "first");
        published(bundle("2", 70), "second");

        JsonNode shown = json(http.get("/v1/policy/bundles/1", admin));

        assertThat(shown.get("version").asInt()).isEqualTo(1);
        assertThat(shown.get("current").asBoolean()).isFalse();
        assertThat(shown.get("digest").asText()).isEqualTo(digestOf(v1));
        assertThat(decodeFiles(shown.get("files")).get("manifest.yaml")).isEqualTo(v1.get("manifest.yaml"));
        assertThat(verify(shown, PLANE_KEY.trustedKey())).isInstanceOf(Verification.Verified.class);
        assertThat(http.get("/v1/policy/bundles/7", admin).statusCode()).isEqualTo(404);
        assertThat(http.get("/v1/policy/bundles/zero", admin).statusCode()).isEqualTo(400);
    }

    @Test
    void theDiffOfTwoVersionsNamesFilesRulesAndManifestFields() throws Exception {
        published(bundle("1", 80), "first");
        Map<String, byte[]> v2 = bundle("2", 70);
        v2.put("rules/20-pii.yaml", utf8("""
                rules:
                  - id: redact-email
                    when: "findings.exists(f, f.type == 'pii.email')"
                    action: redact
                    redact: [pii.email]
                    reason_code: pii_email_redacted
                """));
        published(v2, "second");

        HttpResponse<String> r = http.get("/v1/policy/bundles/1/diff/2", admin);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode diff = json(r);
        assertThat(diff.get("from").get("version").asInt()).isEqualTo(1);
        assertThat(diff.get("to").get("digest").asText()).isEqualTo(digestOf(v2));
        assertThat(diff.get("files").get("added").get(0).asText()).isEqualTo("rules/20-pii.yaml");
        assertThat(diff.get("files").get("changed")).extracting(JsonNode::asText)
                .containsExactly("manifest.yaml", "rules/10-risk.yaml");
        assertThat(diff.get("rules").get("added").get(0).get("id").asText()).isEqualTo("redact-email");
        JsonNode changed = diff.get("rules").get("changed").get(0);
        assertThat(changed.get("id").asText()).isEqualTo("block-risky");
        assertThat(changed.get("changed_fields")).extracting(JsonNode::asText).containsExactly("when");
        assertThat(changed.get("before").get("when").asText()).isEqualTo("risk >= 80");
        assertThat(changed.get("after").get("when").asText()).isEqualTo("risk >= 70");
        assertThat(changed.get("after").get("action").asText()).isEqualTo("block");
        assertThat(diff.get("manifest")).extracting(f -> f.get("field").asText()).containsExactly("version", "message");
        assertThat(http.get("/v1/policy/bundles/1/diff/9", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherTenantSeesNoneOfThis() throws Exception {
        published(bundle("1", 80), "first");
        String other = provisioning.createTenant("other").id();
        String otherAdmin = provisioning.issueAdminToken(other);
        String otherGateway = provisioning.issueGatewayToken(other, "gw-1");

        assertThat(http.get("/v1/policy/bundles/1", otherAdmin).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/v1/policy/bundles", otherAdmin)).get("items")).isEmpty();
        assertThat(http.get("/v1/gateway/bundle", otherGateway).statusCode()).isEqualTo(404);
        assertThat(http.post("/v1/policy/rollback", otherAdmin, "{\"version\":1,\"reason\":\"x\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void signaturesUploadedOverTheSameContentAreKeptAndStaleOnesDropped() throws Exception {
        SigningKey author = SigningKey.generate();
        SigningKey stale = SigningKey.generate();
        Map<String, byte[]> files = bundle("1", 80);
        BundleFiles bundle = BundleFiles.of(files);
        BundleFiles other = BundleFiles.of(bundle("0", 99));
        byte[] signatures = SignaturesFile.render(List.of(
                BundleSignature.create(bundle, author, Instant.now()),
                BundleSignature.create(other, stale, Instant.now())));
        String body = "{\"files\":" + filesJson(files) + ",\"signatures\":" + new String(signatures, "UTF-8") + "}";

        HttpResponse<String> r = http.post("/v1/policy/bundles", admin, body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("signed_by")).extracting(JsonNode::asText).containsExactly(author.keyId(), PLANE_KEY.keyId());
        JsonNode served = json(fetch());
        assertThat(verify(served, author.trustedKey())).isInstanceOf(Verification.Verified.class);
        assertThat(verify(served, PLANE_KEY.trustedKey())).isInstanceOf(Verification.Verified.class);
        assertThat(verify(served, stale.trustedKey())).isInstanceOf(Verification.Refused.class);
        assertThat(json(r).get("reason").asText()).isEqualTo("version 1 of the test bundle"); // the manifest's message
    }

    @Test
    void malformedUploadedSignaturesAreAnInvalidBundle() throws Exception {
        String body = "{\"files\":" + filesJson(bundle("1", 80)) + ",\"signatures\":{\"format\":\"nope\"}}";

        HttpResponse<String> r = http.post("/v1/policy/bundles", admin, body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("invalid_bundle");
        assertThat(json(r).get("file").asText()).isEqualTo(".signatures.json");
    }

    @Test
    void theSigningKeyIsPublishedForGatewaysToTrust() throws Exception {
        JsonNode key = json(http.get("/v1/policy/signing-key", admin));

        assertThat(key.get("key_id").asText()).isEqualTo(PLANE_KEY.keyId());
        assertThat(PemKeys.trustedKey(key.get("public_key_pem").asText())).isEqualTo(PLANE_KEY.trustedKey());
        assertThat(plane.bundleSigningKey()).contains(PLANE_KEY.trustedKey());
    }

    @Test
    void aPlaneWithoutASigningKeyPublishesNothingAndBoundsLongPollsAndWakesThemOnClose() throws Exception {
        Map<String, byte[]> v1 = bundle("1", 80);
        published(v1, "first");
        try (ControlPlane bare = ControlPlane.start(ControlConfig.embedded(Path.of("unused")).withPort(0)
                .withMaxLongPolls(1), db.dataSource())) {
            Http bareHttp = new Http(bare.url());

            HttpResponse<String> refused = bareHttp.post("/v1/policy/bundles", admin, publishBody(bundle("2", 70), "x"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(json(refused).get("code").asText()).isEqualTo("no_signing_key");
            assertThat(bare.bundleSigningKey()).isEmpty();
            assertThat(bareHttp.get("/v1/gateway/bundle", gateway).statusCode()).isEqualTo(200);

            String waitPath = "/v1/gateway/bundle?wait=30";
            CompletableFuture<HttpResponse<String>> waiting = bareHttp.sendAsync(
                    bareHttp.getRequest(waitPath, gateway, "If-None-Match", etag(digestOf(v1))));
            Thread.sleep(300);
            HttpResponse<String> busy = bareHttp.send(bareHttp.getRequest(waitPath, gateway, "If-None-Match",
                    etag(digestOf(v1))));
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(json(busy).get("code").asText()).isEqualTo("too_many_long_polls");
            assertThat(busy.headers().firstValue("Retry-After")).contains("1");
            assertThat(bareHttp.get("/metrics", null).body()).contains("policy_long_polls_waiting 1.0");

            long closing = System.nanoTime();
            bare.close();
            HttpResponse<String> woken = waiting.get(5, TimeUnit.SECONDS);
            assertThat(woken.statusCode()).isEqualTo(304);
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
