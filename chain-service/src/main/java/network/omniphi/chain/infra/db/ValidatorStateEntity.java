package network.omniphi.chain.infra.db;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "validator_states")
public class ValidatorStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "setup_request_id")
    public String setupRequestId;

    @Column(name = "operator_address", nullable = false)
    public String operatorAddress;

    @Column(nullable = false)
    public boolean found;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public boolean jailed;

    @Column(name = "voting_power", nullable = false)
    public long votingPower;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
