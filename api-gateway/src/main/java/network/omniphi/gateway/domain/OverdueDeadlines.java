package network.omniphi.gateway.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a setup may stay in each transitional status, and how the sweep re-drives it after that (from
 * configuration). Local setups in {@code pending} wait for their owner (who installs the agent and links the key, and
 * can stop the setup at any time), so only cloud setups have a {@code pending} deadline.
 */
public record OverdueDeadlines(Duration pending, Duration provisioning, Duration txSubmitted, Duration stopping,
        Duration redriveInterval, int redrives, int batch) {

    public OverdueDeadlines {
        if (redrives < 0 || batch < 1) {
            throw new IllegalArgumentException("redrives must be >= 0 and batch >= 1");
        }
    }

    /** The deadline of a status, or empty for statuses that wait for the user or are final. */
    public Optional<Duration> of(SetupStatus status) {
        return Optional.ofNullable(switch (status) {
            case PENDING -> pending;
            case PROVISIONING -> provisioning;
            case TX_SUBMITTED -> txSubmitted;
            case STOPPING -> stopping;
            default -> null;
        });
    }
}
