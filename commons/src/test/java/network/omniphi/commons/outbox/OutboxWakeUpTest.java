package network.omniphi.commons.outbox;

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
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import network.omniphi.commons.kafka.KafkaClientSettings;

/**
 * The outbox wake-up on real PostgreSQL and Kafka: the relay polls once an hour here, so a row reaches Kafka within
 * the test's wait only if the commit of the transaction that wrote it (with {@link OutboxWriter#NOTIFY}) woke the relay.
 * Uses this slot's module-test database of the gateway (./dev infra up makes it), in a schema of its own, and this
 * slot's test broker (KAFKA_TEST_BOOTSTRAP_SERVERS, as ./dev mvn sets it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxWakeUpTest {

    private static final String SLOT = System.getenv().getOrDefault("OMNIPHI_TEST_SLOT", "");
    private static final String KAFKA = System.getenv().getOrDefault("KAFKA_TEST_BOOTSTRAP_SERVERS",
            "localhost:9094");
    private static final String SCHEMA = "outbox_wakeup_test";
    private static final String TOPIC = "omniphi.test.outbox-wakeup";

    private static Vertx vertx;
    private static Pool pool;
    private static OutboxRelay relay;
    private static OutboxWakeUp wakeUp;
    private static KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        PgConnectOptions db = new PgConnectOptions().setHost("127.0.0.1").setPort(5432)
                .setDatabase("gateway_test" + SLOT).setUser("gateway").setPassword("gateway");
        Pool admin = PgPool.pool(vertx, db, new PoolOptions().setMaxSize(1));
        admin.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA).execute()
                .await().atMost(Duration.ofSeconds(30));
        admin.close().await().atMost(Duration.ofSeconds(30));
        pool = PgPool.pool(vertx, db.setProperties(Map.of("search_path", SCHEMA)), new PoolOptions().setMaxSize(4));
        pool.query(migration()).execute().await().atMost(Duration.ofSeconds(30));
        // the trace context columns every service adds (V*_1__outbox_trace_context.sql), which the relay reads
        pool.query("ALTER TABLE outbox ADD COLUMN traceparent text, ADD COLUMN tracestate text").execute()
                .await().atMost(Duration.ofSeconds(30));

        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            if (!kafka.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                kafka.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-wakeup-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));

        relay = new OutboxRelay(pool, new HourlyPoll(), new SimpleMeterRegistry(),
                new KafkaClientSettings(Map.of("bootstrap.servers", KAFKA)));
        relay.start(new StartupEvent());
        wakeUp = new OutboxWakeUp(pool, vertx);
        wakeUp.listen(relay::wake);
        await().atMost(Duration.ofSeconds(30)).until(wakeUp::listening);
    }

    @AfterAll
    static void stop() {
        if (wakeUp != null) {
            wakeUp.stop();
        }
        if (relay != null) {
            relay.shutdown();
        }
        if (consumer != null) {
            consumer.close();
        }
        if (pool != null) {
            pool.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").execute().onFailure().recoverWithNull()
                    .await().atMost(Duration.ofSeconds(30));
            pool.close().await().atMost(Duration.ofSeconds(30));
        }
        if (vertx != null) {
            vertx.close().await().atMost(Duration.ofSeconds(30));
        }
    }

    @Test
    void aCommittedRowIsPublishedWithoutWaitingForThePoll() {
        UUID id = writeAndCommit();

        await().atMost(Duration.ofSeconds(60)).until(() -> published(id));
        assertThat(receivedIds()).contains(id.toString());
    }

    @Test
    void aRolledBackRowIsNeverPublishedAndNotifiesNothing() {
        UUID rolledBack = UUID.randomUUID();
        pool.withTransaction(conn -> insert(conn, rolledBack)
                .chain(() -> conn.query(OutboxWriter.NOTIFY).execute())
                .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("roll back"))))
                .onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(30));
        // a committed row written afterwards is published: had the rollback been published, it would be a row too
        UUID committed = writeAndCommit();
        await().atMost(Duration.ofSeconds(60)).until(() -> published(committed));
        assertThat(count(rolledBack)).isZero();
    }

    @Test
    void theListenerComesBackAfterItsConnectionIsKilled() {
        int killed = pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN "
                + OutboxWakeUp.CHANNEL + "%' AND pid <> pg_backend_pid()").execute()
                .await().atMost(Duration.ofSeconds(30)).size();
        assertThat(killed).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> !wakeUp.listening());
        await().atMost(Duration.ofSeconds(60)).until(wakeUp::listening);

        UUID id = writeAndCommit();
        await().atMost(Duration.ofSeconds(60)).until(() -> published(id));
    }

    /**
     * Last: the application's ShutdownEvent stops the relay before Quarkus closes the pool and the Kafka clients, so
     * a row committed from then on is left for the next process (no round on a closing pool), even when woken.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheShutdownEventNothingIsRelayed() {
        relay.stopOnShutdown(new ShutdownEvent());

        UUID id = writeAndCommit();
        relay.wake();
        relay.tick(); // a round on this thread, as the scheduler would run one: it must not publish
        assertThat(published(id)).isFalse();
    }

    /** Writes one outbox row and its notification in one transaction, as {@link OutboxWriter} does. */
    private static UUID writeAndCommit() {
        UUID id = UUID.randomUUID();
        pool.withTransaction(conn -> insert(conn, id).chain(() -> conn.query(OutboxWriter.NOTIFY).execute()))
                .await().atMost(Duration.ofSeconds(30));
        return id;
    }

    private static io.smallrye.mutiny.Uni<?> insert(io.vertx.mutiny.sqlclient.SqlConnection conn, UUID id) {
        return conn.preparedQuery("INSERT INTO outbox (id, topic, record_key, event_type, payload) VALUES"
                + " ($1, $2, $3, 'omniphi.test.v1.Event', $4)")
                .execute(Tuple.of(id, TOPIC, id.toString(),
                        io.vertx.core.buffer.Buffer.buffer("payload".getBytes(StandardCharsets.UTF_8))));
    }

    private static boolean published(UUID id) {
        return pool.preparedQuery("SELECT published_at IS NOT NULL AS done FROM outbox WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(30)).iterator().next().getBoolean("done");
    }

    private static long count(UUID id) {
        return pool.preparedQuery("SELECT count(*) AS n FROM outbox WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong("n");
    }

    /** The outbox-id headers of everything on the test topic so far. */
    private static List<String> receivedIds() {
        List<String> ids = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                ids.add(new String(r.headers().lastHeader("outbox-id").value(), StandardCharsets.UTF_8));
            }
            return !ids.isEmpty();
        });
        return ids;
    }

    private static String migration() throws IOException {
        try (InputStream in = OutboxWakeUpTest.class.getResourceAsStream("/db/commons/V0_1__outbox_and_inbox.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The relay's settings with a poll so rare that only a wake-up can publish within a test. */
    private static final class HourlyPoll implements OutboxConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofHours(1);
        }

        @Override
        public String housekeepingInterval() {
            return "10s";
        }

        @Override
        public int batchSize() {
            return 200;
        }

        @Override
        public Duration retention() {
            return Duration.ofDays(1);
        }

        @Override
        public Duration sendTimeout() {
            return Duration.ofSeconds(15);
        }
    }
}
