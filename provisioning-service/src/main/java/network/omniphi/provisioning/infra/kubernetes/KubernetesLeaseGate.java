package network.omniphi.provisioning.infra.kubernetes;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

import network.omniphi.provisioning.domain.LeaderGate;

/**
 * Leader election among provisioner replicas with a {@code coordination.k8s.io/v1} Lease (fabric8 LeaderElector).
 * Only the holder reconciles; the lease is released on shutdown so a successor takes over at once.
 */
public final class KubernetesLeaseGate implements LeaderGate, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KubernetesLeaseGate.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    private final AtomicBoolean leader = new AtomicBoolean();
    private volatile CompletableFuture<?> election;

    public KubernetesLeaseGate(KubernetesClient client, String namespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        this.client = client;
        this.namespace = namespace;
        this.leaseName = leaseName;
        this.identity = identity;
        this.leaseDuration = leaseDuration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
    }

    public KubernetesLeaseGate start() {
        election = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("omniphi-provisioning")
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(() -> changed(true), () -> changed(false),
                        holder -> LOG.infof("lease %s held by %s", leaseName, holder)))
                .build()).build().start();
        return this;
    }

    private void changed(boolean leading) {
        leader.set(leading);
        LOG.infof("%s %s leadership of %s", identity, leading ? "took" : "lost", leaseName);
    }

    @Override
    public boolean isLeader() {
        return leader.get();
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public void close() {
        leader.set(false);
        if (election != null) {
            election.cancel(true);
        }
    }
}
