package network.omniphi.gateway;

import network.omniphi.testsupport.LayerRules;
import network.omniphi.testsupport.LayeringTest;

/** The suite's one layering rule set (test-support {@link LayerRules}) over this module's main classes. */
class ArchitectureTest extends LayeringTest {

    ArchitectureTest() {
        super("network.omniphi.gateway");
    }

    @Override
    protected LayerRules.Allowed[] apiExceptions() {
        return new LayerRules.Allowed[]{new LayerRules.Allowed(basePackage() + ".api.HeartbeatResource",
                "forwards signed heartbeats and key look-ups to the heartbeat service's REST client as they are (bytes"
                        + " and status), which the heartbeat-forwarding work is reshaping"),
                new LayerRules.Allowed(basePackage() + ".api.HeartbeatRoute", "the plain Vert.x route of JSON"
                        + " heartbeats hands the bytes to HeartbeatForwarder and passes its answer through, the same"
                        + " forwarding as HeartbeatResource on the hottest public path (issue 18)"),
                new LayerRules.Allowed(basePackage() + ".api.HeartbeatView", "passes the heartbeat service's by-wallet"
                        + " JSON through to the setup views as it is; a domain port needs a domain type for those"
                        + " entries, which the heartbeat-forwarding work defines")};
    }
}
