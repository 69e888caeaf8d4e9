package network.omniphi.heartbeat.infra;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A row of {@code local_validator_heartbeats}. The hot write path does not go through this entity (see
 * {@link HeartbeatUpsert}); reads, the liveness loop and setup binding do.
 */
@Entity
@Table(name = "local_validator_heartbeats")
public class HeartbeatEntity extends PanacheEntityBase {

    @Id
    @Column(name = "consensus_pubkey")
    public String consensusPubkey;

    @Column(name = "wallet_address", nullable = false)
    public String walletAddress;

    @Column(name = "setup_request_id")
    public String setupRequestId;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "heartbeat_ts", nullable = false)
    public Instant heartbeatTs;

    /** The signed timestamp exactly as the node sent it (the signature covers this text). */
    @Column(name = "heartbeat_ts_text", nullable = false)
    public String heartbeatTsText;

    @Column(name = "block_height", nullable = false)
    public long blockHeight;

    @Column(name = "uptime_seconds", nullable = false)
    public long uptimeSeconds;

    @Column(name = "local_rpc_port", nullable = false)
    public int localRpcPort;

    @Column(name = "local_p2p_port", nullable = false)
    public int localP2pPort;

    @Column(name = "height_changed_at", nullable = false)
    public Instant heightChangedAt;

    @Column(nullable = false)
    public boolean stale;

    @Column(name = "height_stalled", nullable = false)
    public boolean heightStalled;

    /** The Kafka key of this node's events: its setup, or its wallet while no setup is known. */
    public String eventKey() {
        return setupRequestId != null ? setupRequestId : walletAddress;
    }
}
