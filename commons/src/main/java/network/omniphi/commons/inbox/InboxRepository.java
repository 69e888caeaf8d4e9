package network.omniphi.commons.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Consumer-side deduplication: records each processed event id in {@code processed_events} inside the consumer's
 * transaction. A redelivered event finds its id already there and is skipped.
 */
@ApplicationScoped
public class InboxRepository {

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
