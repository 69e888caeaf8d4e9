package network.omniphi.chain;

import network.omniphi.testsupport.LayerRules;
import network.omniphi.testsupport.LayeringTest;

/** The suite's one layering rule set (test-support {@link LayerRules}) over this module's main classes. */
class ArchitectureTest extends LayeringTest {

    ArchitectureTest() {
        super("network.omniphi.chain");
    }
}
