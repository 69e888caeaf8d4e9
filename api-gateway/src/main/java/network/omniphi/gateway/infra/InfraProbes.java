package network.omniphi.gateway.infra;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

import network.omniphi.commons.kafka.KafkaClientSettings;
import network.omniphi.gateway.domain.HealthProbes;

/** Live checks of the gateway's own infrastructure: PostgreSQL and Kafka. */
@ApplicationScoped
public class InfraProbes implements HealthProbes {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Pool pool;
    private final KafkaClientSettings kafka;
    private volatile Admin admin;

    public InfraProbes(Pool pool, KafkaClientSettings kafka) {
        this.pool = pool;
        this.kafka = kafka;
    }

    @Override
    public Uni<Boolean> database() {
        return pool.query("SELECT 1").execute().map(rows -> rows.size() == 1)
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().recoverWithItem(false);
    }

    @Override
    public Uni<Boolean> kafka() {
        return Uni.createFrom().item(this::kafkaBlocking)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(false);
    }

    private boolean kafkaBlocking() {
        try {
            return admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    // the consumers' connection and security settings (SCRAM over TLS in production)
                    Properties props = new Properties();
                    props.putAll(kafka.connection());
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "gateway-health");
                    admin = Admin.create(props);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
