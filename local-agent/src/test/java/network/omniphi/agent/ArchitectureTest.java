package network.omniphi.agent;

import network.omniphi.testsupport.LayeringTest;

/**
 * The suite's one layering rule set (test-support {@code LayerRules}) over the agent's main classes: its domain uses
 * no adapter and nothing of the agent outside {@code domain/}; its inbound side, the HTTP bridge of
 * {@code bridge/}, reaches the running agent through {@code BridgeBackend}, never {@code infra/}. {@code cli/} and
 * {@code run/} are the program's composition (like a service's {@code config/}) and wire infra to the domain.
 */
class ArchitectureTest extends LayeringTest {

    ArchitectureTest() {
        super("network.omniphi.agent", "bridge");
    }
}
