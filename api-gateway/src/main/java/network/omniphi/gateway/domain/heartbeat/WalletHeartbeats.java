package network.omniphi.gateway.domain.heartbeat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The heartbeat state of one wallet's local nodes, as the heartbeat service answered it; {@link #unknown()} when it
 * did not answer.
 */
public record WalletHeartbeats(List<NodeHeartbeat> nodes) {

    private static final WalletHeartbeats UNKNOWN = new WalletHeartbeats(List.of());

    public WalletHeartbeats {
        nodes = List.copyOf(nodes);
    }

    public static WalletHeartbeats unknown() {
        return UNKNOWN;
    }

    /**
     * The node of a setup: the one whose key is linked to the setup, else the one with the setup's consensus key (a
     * node seen before its link reached the heartbeat service), else none.
     */
    public Optional<NodeHeartbeat> forSetup(UUID setupId, String consensusPubkey) {
        String id = setupId.toString();
        for (NodeHeartbeat n : nodes) {
            if (id.equals(n.setupRequestId())) {
                return Optional.of(n);
            }
        }
        if (consensusPubkey == null) {
            return Optional.empty();
        }
        return nodes.stream().filter(n -> consensusPubkey.equals(n.consensusPubkey())).findFirst();
    }
}
