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

    /** Short name for logs and metrics, e.g. {@code kubernetes}. */
    String kind();
}
