package network.omniphi.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Server-sent status streams of setups ({@code omniphi.gateway.events.*}). */
@ConfigMapping(prefix = "omniphi.gateway.events")
public interface EventStreamConfig {

    /** How often a stream reads its setup's view (one indexed single-row query) to detect a change. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** A comment line is sent after this much silence, below quarkus.http.idle-timeout and proxies' idle limits. */
    @WithDefault("PT15S")
    Duration keepAlive();

    /** A stream ends after this long; clients reconnect (a fetch-based reader does, like EventSource would). */
    @WithDefault("PT10M")
    Duration maxDuration();
}
