package network.omniphi.provisioning.infra.local;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.LeaderGate;

/**
 * Leader election for the local runtime (no Kubernetes there): a row in {@code runtime_leases} that one instance
 * holds and renews; another instance takes it only after it expired. Renewed lazily when half of it has passed.
 */
@ApplicationScoped
@Typed(DatabaseLeaseGate.class)
public class DatabaseLeaseGate implements LeaderGate {

    private static final Logger LOG = Logger.getLogger(DatabaseLeaseGate.class);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final String ACQUIRE = "INSERT INTO runtime_leases (name, holder, expires_at)"
            + " VALUES ($1, $2, now() + make_interval(secs => $3)) ON CONFLICT (name) DO UPDATE"
            + " SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
            + " WHERE runtime_leases.holder = EXCLUDED.holder OR runtime_leases.expires_at < now() RETURNING holder";

    private final Pool pool;
    private final String name;
    private final String identity;
    private volatile Instant validUntil = Instant.EPOCH;
    private volatile Instant nextAttempt = Instant.EPOCH;

    public DatabaseLeaseGate(Pool pool, ProvisioningConfig config) {
        this.pool = pool;
        this.name = config.local().leaseName();
        this.identity = config.identity().orElse("provisioning-" + UUID.randomUUID());
    }

    @Override
    public synchronized boolean isLeader() {
        Instant now = Instant.now();
        boolean holding = now.isBefore(validUntil);
        if (holding && now.isBefore(validUntil.minus(LEASE.dividedBy(2)))) {
            return true;
        }
        if (!holding && now.isBefore(nextAttempt)) {
            return false;
        }
        try {
            boolean won = pool.preparedQuery(ACQUIRE).execute(Tuple.of(name, identity, (double) LEASE.toSeconds()))
                    .await().atMost(Duration.ofSeconds(5)).size() == 1;
            validUntil = won ? now.plus(LEASE) : Instant.EPOCH;
            nextAttempt = now.plusSeconds(1);
            return won;
        } catch (RuntimeException e) {
            LOG.warnf("lease %s not renewed: %s", name, e.getMessage());
            return holding;
        }
    }

    @Override
    public String identity() {
        return identity;
    }
}
