package network.omniphi.gateway.infra;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "validator_setup_requests")
public class SetupRequestEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "wallet_address", nullable = false)
    public String walletAddress;
    @Column(name = "validator_name", nullable = false)
    public String validatorName;
    @Column(nullable = false)
    public String website;
    @Column(nullable = false)
    public String description;
    @Column(name = "commission_rate", nullable = false, precision = 21, scale = 18)
    public BigDecimal commissionRate;
    @Column(name = "run_mode", nullable = false)
    public String runMode;
    @Column(nullable = false)
    public String provider;
    @Column(nullable = false)
    public String status;
    @Column(name = "consensus_pubkey")
    public String consensusPubkey;
    @Column(name = "operator_address")
    public String operatorAddress;
    @Column(name = "tx_hash")
    public String txHash;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Version
    public long version;
}
