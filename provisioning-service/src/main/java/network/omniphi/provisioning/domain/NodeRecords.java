package network.omniphi.provisioning.domain;

import io.smallrye.mutiny.Uni;

/**
 * Port: the stored nodes as the command consumers and the read endpoint use them (reactive, inside the caller's
 * transaction). Every change is a {@link Transition}: the node row and the events it announces are written together.
 */
public interface NodeRecords {

    /** The node of a setup, or null. */
    Uni<ValidatorNode> node(String setupRequestId);

    /** Stores a new node and announces its changes. */
    Uni<Void> create(Transition transition);

    /** Announces the changes of a transition again without changing the node. */
    Uni<Void> announce(Transition transition);

    /** Applies a transition if the node is still as it was read (compare-and-set); true when it was applied. */
    Uni<Boolean> apply(Transition transition);
}
