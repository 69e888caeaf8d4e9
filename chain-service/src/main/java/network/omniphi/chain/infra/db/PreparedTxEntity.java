package network.omniphi.chain.infra.db;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "prepared_txs")
public class PreparedTxEntity extends PanacheEntityBase {

    @Id
    @Column(name = "setup_request_id")
    public String setupRequestId;

    @Column(name = "wallet_address", nullable = false)
    public String walletAddress;

    @Column(name = "signer_pubkey", nullable = false)
    public byte[] signerPubkey;

    @Column(name = "chain_id", nullable = false)
    public String chainId;

    @Column(name = "account_number", nullable = false)
    public long accountNumber;

    /** {@code create_validator} (msg_bytes = MsgCreateValidator) or {@code unjail} (MsgUnjail). */
    @Column(nullable = false)
    public String kind = "create_validator";

    @Column(name = "msg_bytes", nullable = false)
    public byte[] msgBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
