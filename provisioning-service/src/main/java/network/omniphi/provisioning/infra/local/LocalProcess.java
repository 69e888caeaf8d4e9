package network.omniphi.provisioning.infra.local;

import java.time.Instant;

import network.omniphi.provisioning.domain.NodePorts;

/** Persisted runtime state of one local node process (row of {@code local_node_processes}). */
public record LocalProcess(String nodeName, NodePorts ports, String homeDir, Long pid, int restarts,
        Instant lastStart) {
}
