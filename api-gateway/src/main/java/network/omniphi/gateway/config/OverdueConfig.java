package network.omniphi.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Deadlines of the transitional setup statuses and the overdue sweep that re-drives setups past them
 * ({@code omniphi.gateway.overdue.*}, docs/adr/0007-overdue-setup-sweep.md). A setup is overdue when it has stayed in
 * its status longer than the status' deadline; the sweep then re-drives it up to {@link #redrives()} times, one
 * {@link #redriveInterval()} apart, and only then fails it with a reason.
 */
@ConfigMapping(prefix = "omniphi.gateway.overdue")
public interface OverdueConfig {

    /** How often the sweep looks for overdue setups (every replica sweeps; row locks keep them apart). */
    @WithDefault("30s")
    String interval();

    /** A cloud setup waits this long for the provisioner's first answer ({@code provisioning}). */
    @WithDefault("PT5M")
    Duration pending();

    /**
     * A cloud setup waits this long for its node to be provisioned. Longer than the provisioner's own provision
     * timeout ({@code omniphi.provisioning.provision-timeout}, default 10 min), which fails the node first.
     */
    @WithDefault("PT15M")
    Duration provisioning();

    /**
     * A broadcast create-validator tx waits this long for its outcome. Longer than chain-service's inclusion timeout
     * ({@code omniphi.chain.tracker.inclusion-timeout}, default 2 min), which reports a tx not included as failed.
     */
    @WithDefault("PT10M")
    Duration txSubmitted();

    /** A cloud setup waits this long for the provisioner to confirm its node stopped. */
    @WithDefault("PT5M")
    Duration stopping();

    /** Time between two re-drives of the same setup. */
    @WithDefault("PT1M")
    Duration redriveInterval();

    /** Re-drives of a setup in one status before the sweep fails it. */
    @WithDefault("3")
    int redrives();

    /** Setups handled per round and replica. */
    @WithDefault("100")
    int batch();
}
