package network.omniphi.commons.inbox;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * The one way the suite's Kafka consumers take an event: decode it, apply it, and never let one bad record block its
 * partition.
 * <ol>
 * <li>{@code decoder} turns the bytes into a valid event (parse, then schema checks), or null for an event this
 * consumer does not handle (skipped). It is pure: whatever it throws would be thrown again on every retry, so any
 * failure there makes the record a poison event.</li>
 * <li>{@code apply} runs with {@link ApplyRetry}: transient failures are retried forever; a {@link PoisonEvent}
 * (domain-invalid) stops the retrying.</li>
 * <li>A poison event goes to {@code <topic>.dlq} through {@link DeadLetters} with the reason, its source
 * topic/partition/offset and event id; only once the broker has it does the consumer go on to the next record.</li>
 * </ol>
 */
@ApplicationScoped
public class EventIntake {

    private final DeadLetters deadLetters;

    public EventIntake(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Decodes the record's value into an event (null: not one for this consumer); throws when the bytes can never
     * become a valid event.
     */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] value) throws Exception;
    }

    /**
     * Takes {@code record} for {@code consumer}.
     *
     * @param eventId the event id of a decoded event (for logs and the dead-letter header)
     * @param apply a fresh, lazy Uni per subscription (retries subscribe again)
     */
    public <T> Uni<Void> consume(ConsumerRecord<String, byte[]> record, String consumer, Logger log,
            Decoder<T> decoder, Function<T, String> eventId, Function<T, Uni<?>> apply) {
        T event;
        try {
            if (record.value() == null) {
                throw new PoisonEvent("record has no value");
            }
            event = decoder.decode(record.value());
        } catch (Exception e) {
            return deadLetters.send(record, consumer, null, "undecodable: " + describe(e));
        }
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        String id = eventId.apply(event);
        return ApplyRetry.untilApplied(Uni.createFrom().deferred(() -> apply.apply(event)), log,
                () -> consumer + " applying event " + id + " (" + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ")")
                .replaceWithVoid()
                .onFailure(PoisonEvent::isPermanent)
                .recoverWithUni(e -> deadLetters.send(record, consumer, id, "not applicable: " + describe(e)));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
