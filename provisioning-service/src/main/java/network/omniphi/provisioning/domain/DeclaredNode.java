package network.omniphi.provisioning.domain;

/**
 * What a runtime's own declaration of a node says (on Kubernetes: the ValidatorNode resource, which is the source of
 * truth for the node; the database follows it). The local process runtime declares nothing.
 *
 * @param state whether the declaration exists, was deleted, or is not known (never seen)
 * @param name the declared node's name (the resource name)
 * @param running what the declaration asks for
 */
public record DeclaredNode(State state, String name, String moniker, String chainId, boolean running) {

    public enum State {
        /** The declaration exists. */
        PRESENT,
        /** It existed and was deleted: the node must stop. */
        DELETED,
        /** None seen (not created yet, or this runtime keeps none). */
        UNKNOWN
    }

    public static final DeclaredNode UNKNOWN = new DeclaredNode(State.UNKNOWN, null, null, null, false);
    public static final DeclaredNode DELETED = new DeclaredNode(State.DELETED, null, null, null, false);

    public static DeclaredNode present(String name, String moniker, String chainId, boolean running) {
        return new DeclaredNode(State.PRESENT, name, moniker, chainId, running);
    }
}
