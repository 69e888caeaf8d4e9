package network.omniphi.provisioning.domain;

/**
 * Port to whatever runs validator nodes. Implementations are idempotent: applying the same node twice changes
 * nothing the second time, and a node never runs twice (one signer per consensus key).
 */
public interface NodeRuntime {

    /** Makes the node run (creating what is missing) and reports where it stands. */
    RuntimeReport apply(ValidatorNode node);

    /** Makes the node stop, keeping its data and key; reports {@code STOPPED} once nothing runs any more. */
    RuntimeReport stop(ValidatorNode node);

    /** Publishes the node's newly stored state where the runtime shows it (the custom resource status). */
    default void recordStatus(ValidatorNode node) {
    }

    /**
     * Stores the transition's node state where the runtime shows it and announces its changes there (the custom
     * resource status and Kubernetes Events); by default {@link #recordStatus(ValidatorNode)}.
     */
    default void recorded(Transition transition) {
        recordStatus(transition.node());
    }

    /**
     * True when the runtime reports changes itself ({@link #watch}) so nodes are reconciled on its events instead of
     * a per-second poll.
     */
    default boolean watchDriven() {
        return false;
    }

    /** Starts reporting the setup ids of nodes whose declaration or workload changed (watch-driven runtimes). */
    default void watch(java.util.function.Consumer<String> changed) {
    }

    /** Setup ids of every node this runtime declares (a resync also visits declarations the database lacks). */
    default java.util.List<String> declaredSetupIds() {
        return java.util.List.of();
    }

    /** The runtime's own declaration of the node of this setup, which the database follows. */
    default DeclaredNode declared(String setupRequestId) {
        return DeclaredNode.UNKNOWN;
    }

    /**
     * How often the node's workload restarted as the runtime counts it (Kubernetes: the restart count of the node
     * pod's containers, from the informer cache without an API call; local: the process restarts in the current crash
     * window); empty when nothing runs for it. Exported per node by the metrics.
     */
    default java.util.OptionalInt restarts(String nodeName) {
        return java.util.OptionalInt.empty();
    }

    /** Short name for logs and metrics, e.g. {@code kubernetes}. */
    String kind();
}
