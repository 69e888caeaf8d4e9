package network.omniphi.heartbeat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import network.omniphi.testsupport.LayerRules;

/** The suite's one layering rule set (test-support {@link LayerRules}) over this module's main classes. */
class ArchitectureTest {

    static final String BASE = "network.omniphi.heartbeat";
    static final JavaClasses CLASSES = LayerRules.mainClasses(BASE);

    @Test
    void theDomainIsFreeOfAdaptersAndOuterPackages() {
        LayerRules.domainIsFreeOfAdapters(BASE).check(CLASSES);
    }

    @Test
    void theApiTalksToTheDomainNotToInfra() {
        LayerRules.apiDoesNotUseInfra(BASE).check(CLASSES);
    }
}
