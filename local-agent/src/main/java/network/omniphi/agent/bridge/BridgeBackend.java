package network.omniphi.agent.bridge;

import java.util.Map;

/** What the bridge exposes of the running agent. */
public interface BridgeBackend {

    /** The public status document of {@code GET /status}. */
    Map<String, Object> status();

    /** The chain the node runs on; a link proof for another chain is refused. */
    String chainId();

    /** {@code {consensusPubkey, signature}} over the canonical link document of a checked request. */
    Map<String, Object> linkProof(String setupRequestId, String walletAddress);

    /** Stops the node and then the agent. */
    void stop();
}
