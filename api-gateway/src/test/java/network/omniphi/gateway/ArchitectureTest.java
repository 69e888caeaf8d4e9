package network.omniphi.gateway;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import network.omniphi.testsupport.LayerRules;

/** The suite's one layering rule set (test-support {@link LayerRules}) over this module's main classes. */
class ArchitectureTest {

    static final String BASE = "network.omniphi.gateway";
    static final JavaClasses CLASSES = LayerRules.mainClasses(BASE);

    @Test
    void theDomainIsFreeOfAdaptersAndOuterPackages() {
        LayerRules.domainIsFreeOfAdapters(BASE).check(CLASSES);
    }

    @Test
    void theApiTalksToTheDomainNotToInfra() {
        LayerRules.apiDoesNotUseInfra(BASE,
                new LayerRules.Allowed(BASE + ".api.HeartbeatResource", "forwards signed heartbeats and key look-ups"
                        + " to the heartbeat service's REST client as they are (bytes and status), which the"
                        + " heartbeat-forwarding work is reshaping"),
                new LayerRules.Allowed(BASE + ".api.HeartbeatView", "reads the heartbeat service's by-wallet JSON"
                        + " through its REST client for the setup views; to become a domain port with the"
                        + " heartbeat-forwarding work"))
                .check(CLASSES);
    }
}
