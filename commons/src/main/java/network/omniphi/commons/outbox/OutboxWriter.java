package network.omniphi.commons.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.omniphi.commons.tracing.TraceContexts;

/**
 * Enqueues an event in the outbox. Must be called inside the transaction that makes the state change, so the event
 * exists if and only if the change was committed. The same transaction notifies the relays, which PostgreSQL delivers
 * on commit ({@link OutboxWakeUp}).
 */
@ApplicationScoped
public class OutboxWriter {

    static final String NOTIFY = "NOTIFY " + OutboxWakeUp.CHANNEL;

    private final Clock clock;

    public OutboxWriter(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> enqueue(String topic, String key, Message event) {
        OutboxRecord record = new OutboxRecord();
        record.id = UUID.randomUUID();
        record.topic = topic;
        record.recordKey = key;
        record.eventType = event.getDescriptorForType().getFullName();
        record.payload = event.toByteArray();
        record.createdAt = clock.instant();
        // the trace this change belongs to travels with the event (TraceContexts: W3C fields, set by the relay as
        // Kafka headers), so the consumers' spans join it
        Map<String, String> trace = TraceContexts.current();
        record.traceparent = trace.get(TraceContexts.TRACEPARENT);
        record.tracestate = trace.get(TraceContexts.TRACESTATE);
        // delivered to the relays' LISTEN (OutboxWakeUp) when, and only if, this transaction commits
        return record.persist().chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(NOTIFY).executeUpdate()).replaceWithVoid();
    }
}
