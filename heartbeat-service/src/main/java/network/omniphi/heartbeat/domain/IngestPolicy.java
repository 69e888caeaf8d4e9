package network.omniphi.heartbeat.domain;

import java.time.Duration;

/**
 * The settings heartbeat intake decides with: how far a signed timestamp may be from the server clock, and the per-key
 * rate limit (a burst, then one more per {@code refillEvery}). Made from configuration at the edge.
 */
public record IngestPolicy(Duration timestampWindow, int rateLimitBurst, Duration rateLimitRefillEvery) {
}
