package network.omniphi.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.commons.kafka.KafkaClientSettings;
import network.omniphi.commons.tracing.SetupTelemetry;
import network.omniphi.commons.tracing.TraceContexts;

/**
 * Publishes outbox rows to Kafka at least once, in creation order. A round locks a batch with
 * {@code FOR UPDATE SKIP LOCKED} (so several replicas never send the same row concurrently), sends it with an
 * idempotent producer, waits for every acknowledgement and only then marks the rows published in the same
 * transaction. A crash between acknowledgement and commit re-sends the batch; consumers dedupe on the event id.
 * Runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_BATCH = "SELECT id, topic, record_key, event_type, payload, traceparent, tracestate FROM outbox"
            + " WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED";
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final OutboxConfig config;
    private final KafkaClientSettings kafka;
    private final Tracer tracer;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private volatile Producer<String, byte[]> producer;
    private volatile ScheduledExecutorService executor;

    /** A relay that traces nothing (tests, tools). */
    public OutboxRelay(Pool pool, OutboxConfig config, MeterRegistry registry, KafkaClientSettings kafka) {
        this(pool, config, registry, kafka, TracerProvider.noop().get("outbox-relay"));
    }

    @Inject
    public OutboxRelay(Pool pool, OutboxConfig config, MeterRegistry registry, KafkaClientSettings kafka,
            Tracer tracer) {
        this.pool = pool;
        this.tracer = tracer;
        this.config = config;
        this.kafka = kafka;
        this.published = Counter.builder("omniphi.outbox.published").description("Events published from the outbox")
                .register(registry);
        registry.gauge("omniphi.outbox.pending", pending);
    }

    /**
     * Quarkus' scheduler runs {@code every} at a granularity of one second; the relay wants ~100 ms between rounds so
     * an event spends little time in the outbox. It runs on its own single worker thread instead.
     */
    void start(@Observes StartupEvent event) {
        Duration interval = config.pollInterval();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        this.executor = executor;
    }

    /**
     * Runs a relay round soon on the relay's thread, without waiting for the poll ({@link OutboxWakeUp}: a transaction
     * that wrote outbox rows committed). Wake-ups that arrive while one is still queued are one round.
     */
    public void wake() {
        ScheduledExecutorService ex = executor;
        if (ex == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            ex.execute(() -> {
                wakePending.set(false);
                tick();
            });
        } catch (RejectedExecutionException shuttingDown) {
            wakePending.set(false);
        }
    }

    void tick() {
        if (!config.enabled() || paused.get()) {
            return;
        }
        try {
            while (relayOnce() == config.batchSize() && !paused.get()) {
                // keep draining while full batches come back
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay round failed, will retry: %s", e.toString());
            closeProducer();
        } catch (Error e) {
            LOG.errorf(e, "outbox relay round failed");
        }
    }

    /** One relay round; returns how many events were published. */
    public int relayOnce() {
        lock.lock();
        try {
            return relayBatch();
        } finally {
            lock.unlock();
        }
    }

    private int relayBatch() {
        SqlConnection conn = pool.getConnection().await().atMost(DB_TIMEOUT);
        Transaction tx = null;
        try {
            tx = conn.begin().await().atMost(DB_TIMEOUT);
            RowSet<Row> rows = conn.preparedQuery(SELECT_BATCH).execute(Tuple.of(config.batchSize()))
                    .await().atMost(DB_TIMEOUT);
            if (rows.size() == 0) {
                tx.commit().await().atMost(DB_TIMEOUT);
                return 0;
            }
            List<UUID> ids = send(rows);
            conn.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(ids.toArray(new UUID[0]))).await().atMost(DB_TIMEOUT);
            tx.commit().await().atMost(DB_TIMEOUT);
            published.increment(ids.size());
            return ids.size();
        } catch (RuntimeException e) {
            if (tx != null) {
                tx.rollback().onFailure().recoverWithNull().await().atMost(DB_TIMEOUT);
            }
            throw e;
        } finally {
            conn.close().onFailure().recoverWithNull().await().atMost(DB_TIMEOUT);
        }
    }

    private List<UUID> send(RowSet<Row> rows) {
        Producer<String, byte[]> p = producer();
        List<UUID> ids = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                UUID id = row.getUUID("id");
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"),
                        row.getString("record_key"), row.getBuffer("payload").getBytes());
                record.headers().add("event-type", row.getString("event_type").getBytes(StandardCharsets.UTF_8));
                record.headers().add("outbox-id", id.toString().getBytes(StandardCharsets.UTF_8));
                spans.add(publishSpan(row, record));
                acks.add(p.send(record));
                ids.add(id);
            }
            p.flush();
            awaitAcks(acks);
        } catch (RuntimeException e) {
            spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getMessage()));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
        return ids;
    }

    /**
     * A PRODUCER span per event, child of the trace context stored with its row (the transaction that wrote it),
     * whose context goes out as the record's W3C headers: the consumers' spans join the writer's trace. Without a
     * stored context the event starts no trace and carries no headers.
     */
    private Span publishSpan(Row row, ProducerRecord<String, byte[]> record) {
        Context parent = TraceContexts.fromFields(row.getString("traceparent"), row.getString("tracestate"));
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        // messaging semantic conventions (opentelemetry-semconv messaging-spans.md): "<operation> <destination>"
        SpanBuilder builder = tracer.spanBuilder("publish " + record.topic()).setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", record.topic());
        if (SetupTelemetry.isSetupRequestId(record.key())) {
            builder.setAttribute(SetupTelemetry.ATTRIBUTE, record.key());
        }
        Span span = builder.startSpan();
        TraceContexts.inject(parent.with(span), record.headers());
        return span;
    }

    private void awaitAcks(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
            }
        }
    }

    @Scheduled(every = "${omniphi.outbox.housekeeping-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void housekeeping() {
        try {
            pool.preparedQuery("DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)")
                    .execute(Tuple.of((double) config.retention().toSeconds())).await().atMost(DB_TIMEOUT);
            Row row = pool.query("SELECT count(*) AS n FROM outbox WHERE published_at IS NULL").execute()
                    .await().atMost(DB_TIMEOUT).iterator().next();
            pending.set(row.getLong("n"));
        } catch (RuntimeException e) {
            LOG.debugf("outbox housekeeping skipped: %s", e.getMessage());
        }
    }

    /** Stops relaying until {@link #resume()} (operations and tests). */
    public void pause() {
        paused.set(true);
        lock.lock();
        lock.unlock();
    }

    public void resume() {
        paused.set(false);
    }

    /** Drops the Kafka producer as a process restart would; the next round opens a new one. */
    public void restart() {
        lock.lock();
        try {
            closeProducer();
        } finally {
            lock.unlock();
        }
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            // the consumers' connection and security settings (SCRAM, TLS trust), not just the bootstrap servers
            Properties props = kafka.producer("outbox-relay");
            p = new KafkaProducer<>(props);
            producer = p;
        }
        return p;
    }

    private void closeProducer() {
        Producer<String, byte[]> p = producer;
        producer = null;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Stops relaying as the application begins to stop, before Quarkus closes the database pool and the Kafka clients
     * (which happens before beans are destroyed): otherwise every round until then fails on a closed pool.
     */
    void stopOnShutdown(@Observes ShutdownEvent event) {
        shutdown();
    }

    @PreDestroy
    void shutdown() {
        paused.set(true);
        if (executor != null) {
            executor.shutdownNow();
        }
        restart();
    }
}
