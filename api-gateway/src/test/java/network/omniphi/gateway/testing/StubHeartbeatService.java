package network.omniphi.gateway.testing;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A stand-in heartbeat service on a free loopback port (its own Vert.x, not the gateway's) whose answer the test
 * chooses: it records every request it receives and answers a forwarded heartbeat as {@link #mode} says, and the
 * internal reads (GET) with {@link #readStatus} and {@link #readBody}. Sets the gateway's heartbeat service URL to
 * itself and the forward's timeout to one second.
 */
public class StubHeartbeatService implements QuarkusTestResourceLifecycleManager {

    public enum Mode {
        /** 202 with a JSON body. */
        ACCEPT,
        /** 429 problem+json with Retry-After: 7. */
        REFUSE,
        /** reads the request and never answers. */
        SILENT,
        /** closes the connection instead of answering. */
        CUT_OFF
    }

    /** What the service received. */
    public record Received(byte[] body, String contentType, String forwardedFor, String requestId, String path) {
    }

    public static final String ACCEPTED = "{\"status\":\"accepted\",\"firstSeen\":true}";
    public static final String REFUSED = "{\"type\":\"https://omniphi.network/problems/heartbeat-rate-limited\","
            + "\"title\":\"Too many heartbeats\",\"status\":429,\"code\":\"heartbeat-rate-limited\"}";

    public static volatile Mode mode = Mode.ACCEPT;
    /** The answer to a GET (by-wallet or by-key read); a read answered in {@link Mode#SILENT} never comes. */
    public static volatile int readStatus = 200;
    public static volatile String readBody = "[]";
    public static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();

    private static Vertx vertx;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().requestHandler(StubHeartbeatService::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the stub heartbeat service did not start", e);
        }
        return Map.of("quarkus.rest-client.heartbeat-service.url", "http://127.0.0.1:" + server.actualPort(),
                "omniphi.gateway.heartbeat-forward.timeout", "1s");
    }

    private static void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> answer(request, body));
    }

    private static void answer(HttpServerRequest request, Buffer body) {
        RECEIVED.add(new Received(body.getBytes(), request.getHeader("Content-Type"),
                request.getHeader("X-Forwarded-For"), request.getHeader("X-Request-Id"), request.uri()));
        if ("GET".equals(request.method().name()) && mode != Mode.SILENT) {
            request.response().setStatusCode(readStatus)
                    .putHeader("Content-Type", readStatus == 200 ? "application/json" : "application/problem+json")
                    .end(readBody);
            return;
        }
        switch (mode) {
            case ACCEPT -> request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                    .end(ACCEPTED);
            case REFUSE -> request.response().setStatusCode(429)
                    .putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "7").end(REFUSED);
            case SILENT -> {
                // never answers: the gateway's timeout decides
            }
            case CUT_OFF -> request.connection().close();
        }
    }

    /** Stops listening: from now on nothing answers on the service's port. */
    public static void shutDown() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
