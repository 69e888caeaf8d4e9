package network.omniphi.provisioning.infra.persistence;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import network.omniphi.provisioning.domain.NodeRecords;
import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;
import network.omniphi.provisioning.infra.events.NodeEventPublisher;

/** Reactive access to nodes. Every state change goes through {@link #apply} so its events go out with it. */
@ApplicationScoped
public class PanacheNodeRecords implements PanacheRepositoryBase<NodeEntity, String>, NodeRecords {

    private final NodeEventPublisher publisher;
    private final Clock clock;

    public PanacheNodeRecords(NodeEventPublisher publisher, Clock clock) {
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

    /** Enqueues the transition's events without changing the node (a re-announcement). Call inside a transaction. */
    public Uni<Void> announce(Transition transition) {
        return publisher.publish(transition);
    }

    /**
     * Stores a transition if the row still has the version the transition was computed from (compare-and-set), and
     * enqueues its events in the same transaction. Returns false when someone else changed the node meanwhile. The
     * version is read from the row under its lock ({@code FOR UPDATE}, straight from the database, not from the
     * session), so two writers computed from the same version (a reconcile pass and a stop, two reconcilers during a
     * leadership hand-over) never both succeed: the second waits for the first to commit, sees the new version and
     * loses.
     */
    public Uni<Boolean> apply(Transition transition) {
        ValidatorNode node = transition.node();
        return lockedVersion(node.setupRequestId()).flatMap(current -> {
            if (current == null || current != node.version()) {
                return Uni.createFrom().item(false);
            }
            return findById(node.setupRequestId()).flatMap(entity -> {
                entity.copy(node, clock.instant());
                entity.version = node.version() + 1;
                return publisher.publish(transition).replaceWith(true);
            });
        });
    }

    private static Uni<Long> lockedVersion(String setupRequestId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT version FROM validator_nodes WHERE setup_request_id = :id FOR UPDATE",
                        Long.class)
                .setParameter("id", setupRequestId).getSingleResultOrNull());
    }
}
