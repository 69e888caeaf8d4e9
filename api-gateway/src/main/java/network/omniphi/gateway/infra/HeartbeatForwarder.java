package network.omniphi.gateway.infra;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

import network.omniphi.gateway.config.HeartbeatForwardConfig;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.heartbeat.ForwardedAnswer;

/**
 * Forwards a public heartbeat to the heartbeat service: the body's bytes as they arrived (never parsed here), over one
 * pooled keep-alive HTTP/1.1 client on the gateway's own Vert.x event loops, and hands back the service's answer
 * (status, Content-Type, Retry-After, body bytes) unchanged. The client's address goes along as X-Forwarded-For and the
 * caller's X-Request-Id, when it has one, as X-Request-Id.
 *
 * <p>
 * Failures are the gateway's own problem+json answers: no connection to the service (refused, reset, connect timeout,
 * an answer cut off) is 502 {@code heartbeat-unavailable}; no complete answer within {@code timeout} is 504
 * {@code heartbeat-timeout}; more heartbeats waiting for a pooled connection than {@code max-wait-queue} is 503
 * {@code heartbeat-busy}. All three carry Retry-After, and the local agent retries any 5xx. A heartbeat that reached the
 * service but whose answer was lost may be sent again by the agent: the service refuses the replay (409), so a retry
 * never stores one twice.
 *
 * <p>
 * The forwarding half of {@link HttpHeartbeats}, the gateway's adapter of the heartbeat service.
 */
@ApplicationScoped
class HeartbeatForwarder {

    private static final Logger LOG = Logger.getLogger(HeartbeatForwarder.class);
    static final String PATH = "/api/v1/validators/heartbeat";

    private final HttpClient client;
    private final String path;
    private final Duration timeout;
    private final Duration deadline;

    HeartbeatForwarder(Vertx vertx, HeartbeatForwardConfig config,
            @ConfigProperty(name = "quarkus.rest-client.heartbeat-service.url") String url) {
        URI base = URI.create(url);
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        this.path = prefix + PATH;
        this.timeout = config.timeout();
        // the connect timeout also bounds the wait for a pooled connection; the whole exchange gets both, plus a margin
        this.deadline = config.connectTimeout().plus(config.timeout()).plusMillis(250);
        HttpClientOptions options = new HttpClientOptions()
                .setName("heartbeat-forward")
                .setDefaultHost(base.getHost())
                .setDefaultPort(port)
                .setSsl(ssl)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds()))
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setTcpNoDelay(true)
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.poolSize())
                .setMaxWaitQueueSize(config.maxWaitQueue());
        this.client = vertx.createHttpClient(options, pool);
    }

    /**
     * Sends {@code body} to the heartbeat service and answers its reply; fails with a
     * {@link GatewayException.DownstreamUnavailable} (502, 503 or 504) when there is no reply.
     */
    Uni<ForwardedAnswer> forward(byte[] body, String clientIp, String requestId) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(path)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json, application/problem+json");
        if (clientIp != null) {
            request.putHeader("X-Forwarded-For", clientIp);
        }
        if (requestId != null) {
            request.putHeader("X-Request-Id", requestId);
        }
        return client.request(request)
                .onFailure().transform(HeartbeatForwarder::noConnection)
                .flatMap(r -> r.send(Buffer.buffer(body))
                        .flatMap(HeartbeatForwarder::answer)
                        .onFailure(t -> !(t instanceof GatewayException)).transform(HeartbeatForwarder::noAnswer))
                .ifNoItem().after(deadline).failWith(HeartbeatForwarder::timedOut);
    }

    private static Uni<ForwardedAnswer> answer(HttpClientResponse response) {
        return response.body()
                .map(bytes -> new ForwardedAnswer(response.statusCode(), response.getHeader("Content-Type"),
                        response.getHeader("Retry-After"), bytes.getBytes()));
    }

    /** Failed before the heartbeat was sent: no pooled connection could be had or opened. */
    private static GatewayException noConnection(Throwable t) {
        if (t instanceof ConnectionPoolTooBusyException) {
            return new GatewayException.DownstreamUnavailable("heartbeat-busy",
                    "Too many heartbeats are waiting for the heartbeat service; retry shortly.", false, t);
        }
        LOG.debugf("heartbeat forward: no connection to the heartbeat service: %s", t.toString());
        return unavailable(t);
    }

    /** Failed after the heartbeat was sent: no complete answer. */
    private static GatewayException noAnswer(Throwable t) {
        if (t instanceof TimeoutException) {
            return timedOut();
        }
        LOG.debugf("heartbeat forward: the heartbeat service's answer was lost: %s", t.toString());
        return unavailable(t);
    }

    private static GatewayException unavailable(Throwable t) {
        return new GatewayException.DownstreamUnavailable("heartbeat-unavailable",
                "The heartbeat service could not be reached; retry shortly.", false, true, t);
    }

    private static GatewayException timedOut() {
        return new GatewayException.DownstreamUnavailable("heartbeat-timeout",
                "The heartbeat service did not answer in time.", true, null);
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
