package network.omniphi.provisioning.domain;

import java.util.List;

/** A node's next state and the events that announce it; stored and enqueued in one transaction. */
public record Transition(ValidatorNode node, List<NodeChange> changes) {

    public Transition {
        changes = List.copyOf(changes);
    }

    public static Transition of(ValidatorNode node, NodeChange... changes) {
        return new Transition(node, List.of(changes));
    }
}
