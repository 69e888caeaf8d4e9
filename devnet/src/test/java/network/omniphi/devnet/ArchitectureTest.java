package network.omniphi.devnet;

import org.junit.jupiter.api.Test;

import network.omniphi.testsupport.LayerRules;
import network.omniphi.testsupport.LayeringTest;

/**
 * The suite's one layering rule set (test-support {@link LayerRules}) over this module's main classes, and the
 * devnet's domain is plain Java.
 */
class ArchitectureTest extends LayeringTest {

    ArchitectureTest() {
        super("network.omniphi.devnet");
    }

    @Test
    void theDomainIsPlainJava() {
        LayerRules.plainDomain(basePackage()).check(classes());
    }
}
