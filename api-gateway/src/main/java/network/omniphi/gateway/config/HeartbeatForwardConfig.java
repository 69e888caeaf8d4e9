package network.omniphi.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The public heartbeat path's forward to the heartbeat service ({@code omniphi.gateway.heartbeat-forward.*}): one
 * pooled keep-alive HTTP/1.1 client per gateway replica. The service's address is the one of the heartbeat-service
 * REST client ({@code quarkus.rest-client.heartbeat-service.url}, HEARTBEAT_SERVICE_URL in production).
 */
@ConfigMapping(prefix = "omniphi.gateway.heartbeat-forward")
public interface HeartbeatForwardConfig {

    /**
     * Open connections to the heartbeat service at most. Heartbeats are small and answered in milliseconds, so a few
     * dozen keep-alive connections carry thousands per second; more would only add threads' worth of contention on the
     * service's event loops.
     */
    @WithDefault("32")
    int poolSize();

    /** Heartbeats waiting for a pooled connection at most; beyond that the gateway answers 503 at once. */
    @WithDefault("1024")
    int maxWaitQueue();

    /** Time to open a connection (then 502 heartbeat-unavailable). */
    @WithDefault("1s")
    Duration connectTimeout();

    /** Time from sending a heartbeat to its complete answer (then 504 heartbeat-timeout). */
    @WithDefault("5s")
    Duration timeout();

    /** A pooled connection unused this long is closed (the service's own idle timeout is 30 s). */
    @WithDefault("20s")
    Duration keepAliveTimeout();
}
