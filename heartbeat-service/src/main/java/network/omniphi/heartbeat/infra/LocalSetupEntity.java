package network.omniphi.heartbeat.infra;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A local-mode setup as learnt from the gateway's events: pending until a consensus key is bound, or stopped. */
@Entity
@Table(name = "local_setups")
public class LocalSetupEntity extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String BOUND = "bound";
    public static final String STOPPED = "stopped";

    @Id
    @Column(name = "setup_request_id")
    public String setupRequestId;

    @Column(name = "wallet_address", nullable = false)
    public String walletAddress;

    @Column(nullable = false)
    public String status;

    @Column(name = "consensus_pubkey")
    public String consensusPubkey;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "bound_at")
    public Instant boundAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    /**
     * Creates the setup's row as pending unless it exists (call inside a transaction). The setup, link and stop events
     * of one setup come from different topics, so two consumers may create the row at once: with a find-then-persist
     * the second insert fails on the primary key and its event is retried. Here the second insert waits for the first
     * transaction and then does nothing; a find after it (with a lock) sees the row either way.
     */
    static Uni<Void> createIfAbsent(String setupRequestId, String walletAddress, Instant requestedAt) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO local_setups (setup_request_id, wallet_address, status, requested_at)"
                        + " VALUES (?1, ?2, '" + PENDING + "', ?3) ON CONFLICT (setup_request_id) DO NOTHING")
                .setParameter(1, setupRequestId).setParameter(2, walletAddress)
                .setParameter(3, requestedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid();
    }
}
