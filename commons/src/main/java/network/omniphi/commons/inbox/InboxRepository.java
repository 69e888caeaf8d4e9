package network.omniphi.commons.inbox;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Consumer-side deduplication: records each processed event id in {@code processed_events} inside the consumer's
 * transaction. A redelivered event finds its id already there and is skipped. {@link EventIntake#consumeOnce} opens
 * that transaction here (Hibernate Reactive Panache, as every service's own changes).
 */
@ApplicationScoped
public class InboxRepository {

    /** Runs {@code work} in one transaction, committed before the returned Uni completes. */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work::get);
    }

    /** Returns true the first time this consumer sees the event, false for a duplicate. Call inside a transaction. */
    public Uni<Boolean> firstDelivery(UUID eventId, String consumer) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                        "INSERT INTO processed_events (event_id, consumer, processed_at) VALUES (:id, :consumer, now())"
                                + " ON CONFLICT DO NOTHING")
                        .setParameter("id", eventId)
                        .setParameter("consumer", consumer)
                        .executeUpdate())
                .map(count -> count == 1);
    }
}
