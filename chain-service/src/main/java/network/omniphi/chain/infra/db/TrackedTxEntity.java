package network.omniphi.chain.infra.db;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "tracked_txs")
public class TrackedTxEntity extends PanacheEntityBase {

    public static final String SUBMITTED = "submitted";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "setup_request_id", nullable = false)
    public String setupRequestId;

    @Column(name = "operator_address", nullable = false)
    public String operatorAddress;

    @Column(nullable = false)
    public String status;

    public Long height;

    public Integer code;

    public String codespace;

    @Column(name = "raw_log")
    public String rawLog;

    @Column(name = "wallet_address")
    public String walletAddress;

    @Column(nullable = false)
    public long sequence;

    @Column(name = "timeout_height", nullable = false)
    public long timeoutHeight;

    @Column(nullable = false)
    public String kind = "create_validator";

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
