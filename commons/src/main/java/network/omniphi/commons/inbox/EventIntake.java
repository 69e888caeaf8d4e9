package network.omniphi.commons.inbox;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.commons.tracing.TraceContexts;

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
 * Each record is taken inside a CONSUMER span whose parent is the trace context in its headers (see
 * {@link TraceContexts}); the span and the log MDC carry the setup of the record's key ({@link SetupTelemetry}).
 * <p>
 * A consumer that changes its service's database takes its records with {@link #consumeOnce}: the inbox row and the
 * change in one transaction, then a wake-up after the commit when something changed (see {@link Once}).
 */
@ApplicationScoped
public class EventIntake {

    private final DeadLetters deadLetters;
    private final Tracer tracer;
    private final InboxRepository inbox;

    public EventIntake(DeadLetters deadLetters, Tracer tracer, InboxRepository inbox) {
        this.deadLetters = deadLetters;
        this.tracer = tracer;
        this.inbox = inbox;
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
        return Uni.createFrom().deferred(() -> {
            Span span = consumerSpan(record, consumer);
            // current on the record's duplicated Vert.x context (Quarkus' context storage and MDC live in its local
            // data), so the apply's own spans, outbox rows and log lines belong to this record until it is done
            Scope scope = span.makeCurrent();
            SetupTelemetry.tag(record.key());
            Uni<Void> work;
            try {
                work = take(record, consumer, log, decoder, eventId, apply);
            } catch (RuntimeException e) {
                work = Uni.createFrom().failure(e);
            }
            return work.onTermination().invoke((ignored, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, describe(failure));
                }
                span.end();
                SetupTelemetry.clearMdc();
                scope.close();
            });
        });
    }

    /**
     * Takes {@code record} as {@code once} says: decode (as {@link #consume}), then in ONE transaction the inbox's
     * first-delivery check of the event id and, for a first delivery only, the change; the transaction is retried as
     * a whole on transient failures ({@link ApplyRetry}), a {@link PoisonEvent} from the change goes to the dead-letter
     * topic. After the commit, and only when the change reported that it changed something, the wake-up runs (retried
     * on its own until it succeeds, so a failing wake-up never re-runs the committed change). A duplicate changes and
     * wakes nothing.
     */
    public <T> Uni<Void> consumeOnce(ConsumerRecord<String, byte[]> record, Once<T> once) {
        return consume(record, once.consumer(), once.log(), once.decoder(), once.eventId(),
                event -> applyOnce(event, once, () -> once.consumer() + " waking up after event "
                        + once.eventId().apply(event) + " (" + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ")"));
    }

    private <T> Uni<Void> applyOnce(T event, Once<T> once, Supplier<String> what) {
        return inbox.inTransaction(() -> inbox.firstDelivery(EventMetas.eventId(once.eventId().apply(event)),
                once.inbox())
                .flatMap(first -> first ? once.change().apply(event) : Uni.createFrom().item(false)))
                .flatMap(changed -> Boolean.TRUE.equals(changed)
                        ? ApplyRetry.untilApplied(Uni.createFrom().deferred(() -> once.wakeUp().apply(event)),
                                once.log(),
                                what)
                        : Uni.createFrom().voidItem());
    }

    /**
     * What one consumer of {@link #consumeOnce} does, and nothing else: its name, its decoder and event id (as for
     * {@link #consume}), the domain change (run inside the transaction after the inbox check; true when it changed
     * something) and what to wake up after the commit of a change (a loop to kick, a follow-up in its own
     * transaction). {@code inbox} names the consumer in {@code processed_events}; it is {@code consumer} unless the
     * service's inbox rows carry another name.
     */
    public record Once<T>(String consumer, String inbox, Logger log, Decoder<T> decoder, Function<T, String> eventId,
            Function<T, Uni<Boolean>> change, Function<T, Uni<Void>> wakeUp) {

        /** A consumer whose changes wake nothing up. */
        public static <T> Once<T> of(String consumer, Logger log, Decoder<T> decoder, Function<T, String> eventId,
                Function<T, Uni<Boolean>> change) {
            return new Once<>(consumer, consumer, log, decoder, eventId, change, event -> Uni.createFrom().voidItem());
        }

        /** The same consumer, waking {@code wakeUp} after the commit of each change. */
        public Once<T> wakingUp(Function<T, Uni<Void>> wakeUp) {
            return new Once<>(consumer, inbox, log, decoder, eventId, change, wakeUp);
        }

        /** The same consumer, recording its deliveries under {@code inbox} in {@code processed_events}. */
        public Once<T> inInbox(String inbox) {
            return new Once<>(consumer, inbox, log, decoder, eventId, change, wakeUp);
        }
    }

    /**
     * The CONSUMER span of one record: child of the W3C trace context in its headers (set by the producing service's
     * outbox relay), named and attributed per the OpenTelemetry messaging semantic conventions
     * (opentelemetry-semconv {@code messaging-spans.md}, {@code kafka.md}), with the setup of the record's key.
     */
    private Span consumerSpan(ConsumerRecord<String, byte[]> record, String consumer) {
        SpanBuilder builder = tracer.spanBuilder("process " + record.topic())
                .setParent(TraceContexts.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.consumer.group.name", consumer);
        if (SetupTelemetry.isSetupRequestId(record.key())) {
            builder.setAttribute(SetupTelemetry.ATTRIBUTE, record.key());
        }
        return builder.startSpan();
    }

    private <T> Uni<Void> take(ConsumerRecord<String, byte[]> record, String consumer, Logger log,
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
