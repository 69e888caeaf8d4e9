package network.omniphi.provisioning.infra.persistence;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import network.omniphi.provisioning.domain.ProvisioningException;
import network.omniphi.provisioning.domain.Transition;
import network.omniphi.provisioning.domain.ValidatorNode;

/**
 * Blocking facade over {@link PanacheNodeRecords} for the reconcile loop, which runs on a worker thread (Kubernetes
 * and process calls block). Each call runs the reactive pipeline on a Vert.x context and waits for it there.
 */
@ApplicationScoped
public class BlockingNodeRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final PanacheNodeRecords repository;

    public BlockingNodeRecords(PanacheNodeRecords repository) {
        this.repository = repository;
    }

    public List<ValidatorNode> needingWork() {
        return await(() -> Panache.withSession(repository::needingWork));
    }

    public ValidatorNode node(String setupRequestId) {
        return await(() -> Panache.withSession(() -> repository.node(setupRequestId)));
    }

    /** Stores the transition and its events atomically; false if the node changed meanwhile. */
    public boolean apply(Transition transition) {
        return await(() -> Panache.withTransaction(() -> repository.apply(transition)));
    }

    /**
     * Inserts a node declared in the runtime with its events, unless a node for the setup exists already; returns
     * whether this call created it.
     */
    public boolean adopt(Transition transition) {
        return await(() -> Panache.withTransaction(() -> repository.node(transition.node().setupRequestId())
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : repository.create(transition).replaceWith(true))));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(TIMEOUT).fail());
        } catch (RuntimeException e) {
            throw new ProvisioningException.RuntimeUnavailable("database unavailable: " + e.getMessage(), e);
        } catch (Throwable e) {
            throw new ProvisioningException.RuntimeUnavailable("database unavailable: " + e.getMessage(), e);
        }
    }
}
