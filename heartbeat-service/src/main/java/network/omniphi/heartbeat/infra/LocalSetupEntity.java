package network.omniphi.heartbeat.infra;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

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
}
