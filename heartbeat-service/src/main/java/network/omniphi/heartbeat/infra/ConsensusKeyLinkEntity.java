package network.omniphi.heartbeat.infra;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A consensus key's link to a local setup, as learnt from ConsensusKeyLinked; released by a stop or a re-link. */
@Entity
@Table(name = "consensus_key_links")
public class ConsensusKeyLinkEntity extends PanacheEntityBase {

    @Id
    @Column(name = "consensus_pubkey")
    public String consensusPubkey;

    @Column(name = "setup_request_id", nullable = false)
    public String setupRequestId;

    @Column(name = "wallet_address", nullable = false)
    public String walletAddress;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    public boolean live() {
        return releasedAt == null;
    }
}
