package network.omniphi.provisioning.infra.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

import network.omniphi.provisioning.domain.Endpoints;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.ValidatorNode;

/** Row of {@code validator_nodes}; mapped to and from {@link ValidatorNode} here and nowhere else. */
@Entity
@Table(name = "validator_nodes")
public class NodeEntity extends PanacheEntityBase {

    @Id
    @Column(name = "setup_request_id")
    public String setupRequestId;
    @Column(name = "node_name")
    public String nodeName;
    public String moniker;
    @Column(name = "chain_id")
    public String chainId;
    public String provider;
    @Column(name = "desired_running")
    public boolean desiredRunning;
    public String status;
    @Column(name = "consensus_pubkey")
    public String consensusPubkey;
    @Column(name = "rpc_endpoint")
    public String rpcEndpoint;
    @Column(name = "p2p_endpoint")
    public String p2pEndpoint;
    @Column(name = "grpc_endpoint")
    public String grpcEndpoint;
    @Column(name = "latest_height")
    public long latestHeight;
    @Column(name = "last_health_check")
    public Instant lastHealthCheck;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;

    public ValidatorNode toDomain() {
        return new ValidatorNode(setupRequestId, nodeName, moniker, chainId, provider, desiredRunning,
                NodeStatus.valueOf(status), consensusPubkey, new Endpoints(rpcEndpoint, p2pEndpoint, grpcEndpoint),
                latestHeight, lastHealthCheck, failureReason, createdAt, version);
    }

    /** Copies the domain state in; the version is bumped by the caller's compare-and-set. */
    public NodeEntity copy(ValidatorNode node, Instant now) {
        setupRequestId = node.setupRequestId();
        nodeName = node.name();
        moniker = node.moniker();
        chainId = node.chainId();
        provider = node.provider();
        desiredRunning = node.desiredRunning();
        status = node.status().name();
        consensusPubkey = node.consensusPubkey();
        rpcEndpoint = node.endpoints().rpc();
        p2pEndpoint = node.endpoints().p2p();
        grpcEndpoint = node.endpoints().grpc();
        latestHeight = node.latestHeight();
        lastHealthCheck = node.lastHealthCheck();
        failureReason = node.failureReason();
        createdAt = node.createdAt();
        updatedAt = now;
        return this;
    }
}
