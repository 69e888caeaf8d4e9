package network.omniphi.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outbox relay settings ({@code omniphi.outbox.*}). */
@ConfigMapping(prefix = "omniphi.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for unpublished events (read by the scheduler; declared here so it is known). */
    @WithDefault("PT0.1S")
    Duration pollInterval();

    /** How often published rows are purged and the backlog gauge refreshed. */
    @WithDefault("10s")
    String housekeepingInterval();

    /** How many events one relay round takes. */
    @WithDefault("200")
    int batchSize();

    /** How long published rows are kept for inspection before they are deleted. */
    @WithDefault("P1D")
    Duration retention();

    /** How long to wait for Kafka to acknowledge a batch before the round is retried. */
    @WithDefault("PT15S")
    Duration sendTimeout();
}
