package network.omniphi.gateway.infra;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "validator_nodes")
public class ValidatorNodeEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "setup_request_id", nullable = false, unique = true)
    public UUID setupRequestId;
    @Column(name = "node_name")
    public String nodeName;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String provider;
    @Column(name = "rpc_endpoint")
    public String rpcEndpoint;
    @Column(name = "p2p_endpoint")
    public String p2pEndpoint;
    @Column(name = "grpc_endpoint")
    public String grpcEndpoint;
    @Column(name = "logs_url")
    public String logsUrl;
    @Column(name = "last_block_height")
    public Long lastBlockHeight;
    @Column(name = "last_health_check")
    public Instant lastHealthCheck;
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
