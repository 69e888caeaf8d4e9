package network.omniphi.provisioning.domain;

import java.time.Instant;

/** Something that happened to a node and is published as a {@code validator.node.events} message. */
public sealed interface NodeChange {

    /** Resources were created; the node is starting. */
    record Provisioning() implements NodeChange {
    }

    /** Up, caught up with the chain, consensus key known. */
    record Provisioned(String consensusPubkey, Endpoints endpoints, long blockHeight) implements NodeChange {
    }

    record HealthChanged(NodeStatus status, long blockHeight, boolean catchingUp, Instant checkedAt, String detail)
            implements
                NodeChange {
    }

    record Stopping() implements NodeChange {
    }

    record Stopped() implements NodeChange {
    }

    record Failed(String reason) implements NodeChange {
    }
}
