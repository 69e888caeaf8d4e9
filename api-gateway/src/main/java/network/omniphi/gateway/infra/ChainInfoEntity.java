package network.omniphi.gateway.infra;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "validator_chain_info")
public class ChainInfoEntity extends PanacheEntityBase {

    @Id
    @Column(name = "setup_request_id")
    public UUID setupRequestId;
    @Column(name = "operator_address")
    public String operatorAddress;
    @Column(name = "is_active_validator", nullable = false)
    public boolean activeValidator;
    @Column(name = "voting_power", nullable = false)
    public long votingPower;
    @Column(nullable = false)
    public boolean jailed;
    @Column(name = "tx_hash")
    public String txHash;
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
