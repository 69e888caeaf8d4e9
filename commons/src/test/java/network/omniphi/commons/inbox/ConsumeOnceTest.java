package network.omniphi.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import network.omniphi.commons.events.Topics;
import network.omniphi.commons.kafka.KafkaClientSettings;

/**
 * {@link EventIntake#consumeOnce} on real PostgreSQL (the {@code processed_events} table of the commons migration, in a
 * schema of its own in this slot's gateway test database) and this slot's test broker (dead letters): the inbox row and
 * the change commit together or not at all, a duplicate changes and wakes nothing, the wake-up runs after the commit
 * and only for a change, a transient failure re-runs the whole transaction, a permanent one dead-letters the record.
 * The transaction is the pool's (the services' is Panache's, see {@link InboxRepository}; their consumer tests cover
 * that path); everything else is the production code.
 */
class ConsumeOnceTest {

    private static final String SLOT = System.getenv().getOrDefault("OMNIPHI_TEST_SLOT", "");
    private static final String KAFKA = System.getenv().getOrDefault("KAFKA_TEST_BOOTSTRAP_SERVERS",
            "localhost:9094");
    private static final String SCHEMA = "consume_once_test";
    private static final String TOPIC = "omniphi.test.consume-once";
    private static final String CONSUMER = "commons.consume-once-test";
    private static final Logger LOG = Logger.getLogger(ConsumeOnceTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Vertx vertx;
    private static Pool pool;
    private static PoolInbox inbox;
    private static EventIntake intake;
    private static DeadLetters deadLetters;
    private static KafkaConsumer<String, byte[]> dlq;

    /** What each wake-up saw: the event id and how many committed changes of it another connection could read. */
    private final List<String> wakeUps = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger wakeAttempts = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        PgConnectOptions db = new PgConnectOptions().setHost("127.0.0.1").setPort(5432)
                .setDatabase("gateway_test" + SLOT).setUser("gateway").setPassword("gateway");
        Pool admin = PgPool.pool(vertx, db, new PoolOptions().setMaxSize(1));
        admin.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA).execute()
                .await().atMost(PATIENCE);
        admin.close().await().atMost(PATIENCE);
        pool = PgPool.pool(vertx, db.setProperties(Map.of("search_path", SCHEMA)), new PoolOptions().setMaxSize(4));
        pool.query(migration()).execute().await().atMost(PATIENCE);
        pool.query("CREATE TABLE changes (event_id text NOT NULL)").execute().await().atMost(PATIENCE);

        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            var existing = kafka.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String t : List.of(TOPIC, Topics.deadLetter(TOPIC))) {
                if (!existing.contains(t)) {
                    kafka.createTopics(List.of(new NewTopic(t, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "consume-once-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        dlq = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        dlq.subscribe(List.of(Topics.deadLetter(TOPIC)));

        inbox = new PoolInbox(pool);
        deadLetters = new DeadLetters(new KafkaClientSettings(Map.of("bootstrap.servers", KAFKA)),
                new SimpleMeterRegistry(), new SmallRyeConfigBuilder().build());
        intake = new EventIntake(deadLetters, OpenTelemetry.noop().getTracer("test"), inbox);
    }

    @AfterAll
    static void stop() {
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (dlq != null) {
            dlq.close();
        }
        if (pool != null) {
            pool.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").execute().onFailure().recoverWithNull()
                    .await().atMost(PATIENCE);
            pool.close().await().atMost(PATIENCE);
        }
        if (vertx != null) {
            vertx.close().await().atMost(PATIENCE);
        }
    }

    @Test
    void aFirstDeliveryChangesOnceAndWakesUpAfterTheCommitAndADuplicateDoesNothing() {
        String id = UUID.randomUUID().toString();
        take(id, "change");
        take(id, "change");

        assertThat(changes(id)).isEqualTo(1);
        assertThat(deliveries(id, CONSUMER)).isEqualTo(1);
        assertThat(wakeUps).containsExactly(id + " saw 1"); // the change was committed when the wake-up ran
    }

    @Test
    void aChangeThatChangedNothingIsRecordedButWakesNothing() {
        String id = UUID.randomUUID().toString();
        take(id, "nothing");

        assertThat(deliveries(id, CONSUMER)).isEqualTo(1);
        assertThat(wakeUps).isEmpty();
    }

    @Test
    void aTransientFailureRollsBackInboxAndChangeAndRunsBothAgain() {
        String id = UUID.randomUUID().toString();
        take(id, "flaky"); // the first attempt writes its change, then fails

        assertThat(attempts).hasValue(2);
        assertThat(changes(id)).isEqualTo(1);
        assertThat(deliveries(id, CONSUMER)).isEqualTo(1);
        assertThat(wakeUps).containsExactly(id + " saw 1");
    }

    @Test
    void aFailingWakeUpIsRetriedWithoutRunningTheChangeAgain() {
        String id = UUID.randomUUID().toString();
        take(id, "wake-fails-once");

        assertThat(attempts).hasValue(1);
        assertThat(wakeAttempts).hasValue(2);
        assertThat(changes(id)).isEqualTo(1);
        assertThat(wakeUps).containsExactly(id + " saw 1");
    }

    @Test
    void aPoisonChangeIsRolledBackAndDeadLettered() {
        String id = UUID.randomUUID().toString();
        take(id, "poison");

        assertThat(changes(id)).isZero();
        assertThat(deliveries(id, CONSUMER)).isZero();
        assertThat(wakeUps).isEmpty();
        ConsumerRecord<String, byte[]> dead = deadLetter(id);
        assertThat(header(dead, DeadLetters.CONSUMER)).isEqualTo(CONSUMER);
        assertThat(header(dead, DeadLetters.REASON)).startsWith("not applicable: PoisonEvent: never applicable");
    }

    @Test
    void undecodableBytesAreDeadLetteredWithoutTouchingTheDatabase() {
        String key = UUID.randomUUID().toString();
        intake.consumeOnce(new ConsumerRecord<>(TOPIC, 0, 2, key, "no separator".getBytes(StandardCharsets.UTF_8)),
                once()).await().atMost(PATIENCE);

        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> poll(r -> key.equals(r.key())), r -> r != null);
        assertThat(header(dead, DeadLetters.REASON)).startsWith("undecodable: PoisonEvent");
        assertThat(dead.headers().lastHeader(DeadLetters.EVENT_ID)).isNull();
    }

    @Test
    void theInboxNameCanDifferFromTheConsumerName() {
        String id = UUID.randomUUID().toString();
        intake.consumeOnce(record(id, "change"), once().inInbox("commons.other-inbox")).await().atMost(PATIENCE);

        assertThat(deliveries(id, "commons.other-inbox")).isEqualTo(1);
        assertThat(deliveries(id, CONSUMER)).isZero();
    }

    /** Test events are "<event id>|<what the change does>". */
    private record TestEvent(String id, String action) {
    }

    private EventIntake.Once<TestEvent> once() {
        return EventIntake.Once.of(CONSUMER, LOG, ConsumeOnceTest::decode, TestEvent::id, this::change)
                .wakingUp(this::wakeUp);
    }

    private static TestEvent decode(byte[] value) {
        String[] parts = new String(value, StandardCharsets.UTF_8).split("\\|", 2);
        if (parts.length != 2) {
            throw new PoisonEvent("no separator");
        }
        return new TestEvent(parts[0], parts[1]);
    }

    private Uni<Boolean> change(TestEvent e) {
        int attempt = attempts.incrementAndGet();
        if (e.action().equals("nothing")) {
            return Uni.createFrom().item(false);
        }
        Uni<Boolean> written = inbox.connection().preparedQuery("INSERT INTO changes (event_id) VALUES ($1)")
                .execute(Tuple.of(e.id())).replaceWith(true);
        if (e.action().equals("flaky") && attempt == 1) {
            return written.chain(() -> Uni.createFrom().failure(new IllegalStateException("connection reset")));
        }
        if (e.action().equals("poison")) {
            return written.chain(() -> Uni.createFrom().failure(new PoisonEvent("never applicable")));
        }
        return written;
    }

    private Uni<Void> wakeUp(TestEvent e) {
        if (wakeAttempts.incrementAndGet() == 1 && e.action().equals("wake-fails-once")) {
            return Uni.createFrom().failure(new IllegalStateException("loop busy"));
        }
        // read on another connection of the pool: only a committed change is visible there
        return Uni.createFrom().item(() -> changes(e.id()))
                .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .invoke(n -> wakeUps.add(e.id() + " saw " + n)).replaceWithVoid();
    }

    private void take(String id, String action) {
        intake.consumeOnce(record(id, action), once()).await().atMost(PATIENCE);
    }

    private static ConsumerRecord<String, byte[]> record(String id, String action) {
        return new ConsumerRecord<>(TOPIC, 0, 1, UUID.randomUUID().toString(),
                (id + "|" + action).getBytes(StandardCharsets.UTF_8));
    }

    private static long changes(String id) {
        return pool.preparedQuery("SELECT count(*) AS n FROM changes WHERE event_id = $1").execute(Tuple.of(id))
                .await().atMost(PATIENCE).iterator().next().getLong("n");
    }

    private static long deliveries(String id, String consumer) {
        return pool.preparedQuery("SELECT count(*) AS n FROM processed_events WHERE event_id = $1 AND consumer = $2")
                .execute(Tuple.of(UUID.fromString(id), consumer)).await().atMost(PATIENCE).iterator().next()
                .getLong("n");
    }

    private static ConsumerRecord<String, byte[]> deadLetter(String eventId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> poll(r -> eventId.equals(header(r, DeadLetters.EVENT_ID))), r -> r != null);
    }

    private static final List<ConsumerRecord<String, byte[]>> DEAD = new CopyOnWriteArrayList<>();

    /** Reads the dead-letter topic on, and returns the first record so far that matches. */
    private static ConsumerRecord<String, byte[]> poll(java.util.function.Predicate<ConsumerRecord<String, byte[]>> p) {
        dlq.poll(Duration.ofMillis(500)).forEach(DEAD::add);
        return DEAD.stream().filter(p).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String migration() throws IOException {
        try (InputStream in = ConsumeOnceTest.class.getResourceAsStream("/db/commons/V0_1__outbox_and_inbox.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The inbox on the test's pool: the same statement as {@link InboxRepository}, on the connection of the transaction
     * {@link #inTransaction} opened (one record at a time, as a consumer's partition).
     */
    private static final class PoolInbox extends InboxRepository {
        private final Pool pool;
        private volatile SqlConnection current;

        PoolInbox(Pool pool) {
            this.pool = pool;
        }

        SqlConnection connection() {
            return current;
        }

        @Override
        public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
            return pool.withTransaction(conn -> {
                current = conn;
                return work.get();
            });
        }

        @Override
        public Uni<Boolean> firstDelivery(UUID eventId, String consumer) {
            return current.preparedQuery("INSERT INTO processed_events (event_id, consumer, processed_at)"
                    + " VALUES ($1, $2, now()) ON CONFLICT DO NOTHING")
                    .execute(Tuple.of(eventId, consumer)).map(rows -> rows.rowCount() == 1);
        }
    }
}
