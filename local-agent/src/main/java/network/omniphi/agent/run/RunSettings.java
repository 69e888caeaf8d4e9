package network.omniphi.agent.run;

import java.time.Duration;
import java.util.List;

import network.omniphi.agent.infra.NodeLaunch;

/** Everything {@code run} was configured with (see RunCommand for the options and defaults). */
public record RunSettings(NodeLaunch node, Duration heartbeatInterval, Duration signerCheckGrace,
        Duration maxRestartBackoff, int bridgePort, List<String> portalOrigins, String walletOverride) {

    public RunSettings {
        portalOrigins = List.copyOf(portalOrigins);
    }
}
