package dev.parapet.gateway.bundles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A control plane that speaks only the gateway's side of bundle distribution, on loopback:
 * {@code GET /v1/gateway/bundle} (ETag, If-None-Match, long-poll with {@code wait}, 404
 * {@code no_bundle}, 401), {@code POST /v1/gateway/bundle-status} (recorded), and
 * {@code POST /v1/internal/events} (accepted and dropped).
 */
final class FakeControlPlane implements AutoCloseable {
    static final String TOKEN = "pgw_fake-gateway-token";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<JsonNode> statusReports = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger heldOpen = new AtomicInteger();
    private final WebServer server;
    private TestBundle current;
    private volatile int statusAnswer = 202;
    private volatile boolean closing;

    FakeControlPlane() {
        this(0);
    }

    FakeControlPlane(int port) {
        server = WebServer.builder().host("127.0.0.1").port(port).shutdownHook(false)
                .routing(r -> r.get("/v1/gateway/bundle", this::bundle)
                        .post("/v1/gateway/bundle-status", this::status)
                        .post("/v1/internal/events", (req, res) -> {
                            req.content().consume();
                            res.status(Status.ACCEPTED_202).send("{}");
                        }))
                .build().start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    int port() {
        return server.port();
    }

    /** Makes {@code bundle} current and wakes the polls held open. */
    void publish(TestBundle bundle) {
        lock.lock();
        try {
            current = bundle;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What {@code POST /v1/gateway/bundle-status} answers from now on. */
    void answerStatusWith(int status) {
        statusAnswer = status;
    }

    List<JsonNode> statusReports() {
        return List.copyOf(statusReports);
    }

    int polls() {
        return polls.get();
    }

    /** Polls waiting for a change right now. */
    int heldOpen() {
        return heldOpen.get();
    }

    int notModifiedAnswers() {
        return notModified.get();
    }

    private void bundle(ServerRequest req, ServerResponse res) throws Exception {
        polls.incrementAndGet();
        if (!req.headers().first(HeaderNames.AUTHORIZATION).orElse("").equals("Bearer " + TOKEN)) {
            problem(res, 401, "unauthorized");
            return;
        }
        int wait = Math.clamp(Integer.parseInt(req.query().first("wait").orElse("0")), 0, 60);
        List<String> known = etags(req.headers().first(HeaderNames.IF_NONE_MATCH).orElse(""));
        TestBundle answer;
        long remaining = TimeUnit.SECONDS.toNanos(wait);
        lock.lock();
        try {
            heldOpen.incrementAndGet();
            try {
                while (!closing && current != null && known.contains(current.digest()) && remaining > 0) {
                    remaining = changed.awaitNanos(remaining);
                }
            } finally {
                heldOpen.decrementAndGet();
            }
            answer = current;
        } finally {
            lock.unlock();
        }
        if (answer == null) {
            problem(res, 404, "no_bundle");
        } else if (known.contains(answer.digest())) {
            notModified.incrementAndGet();
            res.status(Status.NOT_MODIFIED_304).header("ETag", "\"" + answer.digest() + "\"").send();
        } else {
            res.status(Status.OK_200).header("ETag", "\"" + answer.digest() + "\"")
                    .header("Content-Type", "application/json").send(json.writeValueAsBytes(document(answer)));
        }
    }

    private ObjectNode document(TestBundle b) throws IOException {
        ObjectNode doc = json.createObjectNode();
        doc.put("tenant", b.tenant());
        doc.put("version", b.version());
        doc.put("digest", b.digest());
        ObjectNode files = doc.putObject("files");
        for (Map.Entry<String, byte[]> f : b.files().entrySet()) {
            files.put(f.getKey(), Base64.getEncoder().encodeToString(f.getValue()));
        }
        if (b.signatures() != null) {
            doc.set("signatures", json.readTree(b.signatures()));
        }
        return doc;
    }

    private static List<String> etags(String header) {
        List<String> tags = new ArrayList<>();
        for (String t : header.split(",")) {
            String s = t.strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                tags.add(s.substring(1, s.length() - 1));
            }
        }
        return tags;
    }

    private void status(ServerRequest req, ServerResponse res) throws IOException {
        byte[] body = req.content().as(byte[].class);
        if (!req.headers().first(HeaderNames.AUTHORIZATION).orElse("").equals("Bearer " + TOKEN)) {
            problem(res, 401, "unauthorized");
            return;
        }
        int answer = statusAnswer;
        if (answer / 100 == 2) {
            statusReports.add(json.readTree(body));
        }
        res.status(Status.create(answer)).send("{}".getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(ServerResponse res, int status, String code) {
        res.status(Status.create(status)).header("Content-Type", "application/problem+json")
                .send(("{\"type\":\"urn:parapet:problem:" + code + "\",\"status\":" + status + ",\"code\":\"" + code + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        closing = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop();
    }
}
