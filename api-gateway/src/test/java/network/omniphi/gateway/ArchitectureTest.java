package network.omniphi.gateway;

import network.omniphi.testsupport.LayeringTest;

/** The suite's one layering rule set (test-support {@code LayerRules}) over this module's main classes. */
class ArchitectureTest extends LayeringTest {

    ArchitectureTest() {
        super("network.omniphi.gateway");
    }
}
