package network.omniphi.provisioning.infra.events;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.commons.outbox.OutboxWriter;
import network.omniphi.proto.events.v1.NodeEvent;
import network.omniphi.provisioning.domain.NodeChange;
import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;

/** Turns a transition's changes into {@code NodeEvent}s in the outbox (same transaction as the state change). */
@ApplicationScoped
public class NodeEventPublisher {

    public static final String PRODUCER = "provisioning-service";

    private final OutboxWriter outbox;
    private final Clock clock;

    public NodeEventPublisher(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> publish(Transition transition) {
        ValidatorNode node = transition.node();
        return Multi.createFrom().iterable(transition.changes())
                .onItem().transformToUniAndConcatenate(change -> outbox.enqueue(Topics.NODE_EVENTS,
                        node.setupRequestId(), NodeEventMapper.toEvent(node, change,
                                EventMetas.create(node.setupRequestId(), PRODUCER, clock))))
                .collect().last().replaceWithVoid();
    }

    /** Convenience for tests and tools: the event for one change. */
    public NodeEvent event(ValidatorNode node, NodeChange change) {
        return NodeEventMapper.toEvent(node, change, EventMetas.create(node.setupRequestId(), PRODUCER, clock));
    }
}
