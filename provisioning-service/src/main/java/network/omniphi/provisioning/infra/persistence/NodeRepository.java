package network.omniphi.provisioning.infra.persistence;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.events.NodeEventPublisher;

/** Reactive access to nodes. Every state change goes through {@link #apply} so its events go out with it. */
@ApplicationScoped
public class NodeRepository implements PanacheRepositoryBase<NodeEntity, String> {

    private final NodeEventPublisher publisher;
    private final Clock clock;

    public NodeRepository(NodeEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<ValidatorNode> node(String setupRequestId) {
        return findById(setupRequestId).map(e -> e == null ? null : e.toDomain());
    }

    public Uni<List<ValidatorNode>> needingWork() {
        return list("status <> 'STOPPED' and (status <> 'FAILED' or desiredRunning = true) order by createdAt")
                .map(rows -> rows.stream().map(NodeEntity::toDomain).toList());
    }

    /** Inserts a new node with its events. Call inside a transaction. */
    public Uni<Void> create(Transition transition) {
        NodeEntity entity = new NodeEntity().copy(transition.node(), clock.instant());
        entity.version = 0;
        return persist(entity).call(() -> publisher.publish(transition)).replaceWithVoid();
    }

    /**
     * Stores a transition if the row still has the version the transition was computed from (compare-and-set), and
     * enqueues its events in the same transaction. Returns false when someone else changed the node meanwhile.
     */
    public Uni<Boolean> apply(Transition transition) {
        ValidatorNode node = transition.node();
        return findById(node.setupRequestId()).flatMap(entity -> {
            if (entity == null || entity.version != node.version()) {
                return Uni.createFrom().item(false);
            }
            entity.copy(node, clock.instant());
            entity.version = node.version() + 1;
            return publisher.publish(transition).replaceWith(true);
        });
    }
}
