package network.omniphi.commons.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import network.omniphi.commons.events.Topics;
import network.omniphi.commons.kafka.KafkaClientSettings;

/**
 * Writes events that can never be applied to {@code <source topic>.dlq}: the original key, value and headers, plus
 * headers saying why ({@value #REASON}), where from ({@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION},
 * {@value #SOURCE_OFFSET}), which consumer gave up ({@value #CONSUMER}), the event id when one could be read
 * ({@value #EVENT_ID}) and when ({@value #FAILED_AT}). The write is acknowledged by all in-sync replicas before the
 * consumer moves on; until it is, it is retried (the partition waits, nothing is lost). Counts
 * {@code omniphi_events_dead_lettered_total{topic}} for the alert {@code OmniphiEventsDeadLettered}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";
    public static final String CONSUMER = "dlq-consumer";
    public static final String EVENT_ID = "dlq-event-id";
    public static final String FAILED_AT = "dlq-failed-at";
    static final String METRIC = "omniphi.events.dead.lettered";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON_BYTES = 1024;

    private final KafkaClientSettings kafka;
    private final MeterRegistry registry;
    private final Config config;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile Producer<String, byte[]> producer;

    public DeadLetters(KafkaClientSettings kafka, MeterRegistry registry, Config config) {
        this.kafka = kafka;
        this.registry = registry;
        this.config = config;
    }

    /** Registers the counter of every topic an incoming Kafka channel reads, so the series exist from the start. */
    void registerCounters(@Observes StartupEvent event) {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && (name.endsWith(".topic") || name.endsWith(".topics"))) {
                config.getOptionalValue(name, String.class).ifPresent(v -> {
                    for (String t : v.split(",")) {
                        if (!t.isBlank()) {
                            topics.add(t.strip());
                        }
                    }
                });
            }
        }
        topics.forEach(this::counter);
    }

    /**
     * Sends {@code record} to its dead-letter topic and completes once the broker acknowledged it; retried with
     * back-off until then.
     */
    public Uni<Void> send(ConsumerRecord<String, byte[]> record, String consumer, String eventId, String reason) {
        ProducerRecord<String, byte[]> out = deadLetter(record, consumer, eventId, reason, Instant.now());
        return Uni.createFrom().<Void>emitter(em -> producer().send(out, (metadata, error) -> {
            if (error != null) {
                em.fail(error);
            } else {
                em.complete(null);
            }
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("writing %s-%d@%d to %s failed, retrying: %s", record.topic(),
                        record.partition(), record.offset(), out.topic(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .invoke(() -> {
                    counter(record.topic()).increment();
                    LOG.errorf("event %s-%d@%d (event id %s) can never be applied by %s and went to %s: %s",
                            record.topic(), record.partition(), record.offset(), eventId == null ? "-" : eventId,
                            consumer, out.topic(), reason);
                });
    }

    static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String consumer,
            String eventId, String reason, Instant at) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(),
                record.value());
        for (Header h : record.headers()) {
            if (!h.key().startsWith("dlq-")) {
                out.headers().add(h.key(), h.value());
            }
        }
        out.headers().add(REASON, truncate(reason == null ? "unknown" : reason));
        out.headers().add(SOURCE_TOPIC, utf8(record.topic()));
        out.headers().add(SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        out.headers().add(SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        out.headers().add(CONSUMER, utf8(consumer));
        if (eventId != null && !eventId.isEmpty()) {
            out.headers().add(EVENT_ID, utf8(eventId));
        }
        out.headers().add(FAILED_AT, utf8(at.toString()));
        return out;
    }

    private Counter counter(String topic) {
        return counters.computeIfAbsent(topic, t -> Counter.builder(METRIC)
                .description("Events sent to the dead-letter topic because they can never be applied")
                .tag("topic", t).register(registry));
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    p = new KafkaProducer<>(kafka.producer("dead-letters"));
                    producer = p;
                }
            }
        }
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] truncate(String reason) {
        byte[] bytes = utf8(reason);
        if (bytes.length <= MAX_REASON_BYTES) {
            return bytes;
        }
        return utf8(new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8) + "…");
    }

    @PreDestroy
    void close() {
        Producer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
