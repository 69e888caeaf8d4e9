package network.omniphi.provisioning.domain;

/** Lifecycle status of a validator node (DESIGN.md "Node status"). */
public enum NodeStatus {
    PROVISIONING, SYNCING, RUNNING, UNHEALTHY, STOPPING, STOPPED, FAILED;

    /** Terminal states: nothing more to reconcile until a new command arrives. */
    public boolean settled() {
        return this == STOPPED || this == FAILED;
    }

    /** The node was provisioned and is being health-checked. */
    public boolean serving() {
        return this == SYNCING || this == RUNNING || this == UNHEALTHY;
    }
}
