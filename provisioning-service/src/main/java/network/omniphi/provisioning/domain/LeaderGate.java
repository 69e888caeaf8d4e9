package network.omniphi.provisioning.domain;

/** Port: whether this provisioner instance may act on nodes now (only one instance at a time may). */
public interface LeaderGate {

    /** True while this instance holds the leadership lease; cheap, called before every reconcile pass. */
    boolean isLeader();

    /** This instance's identity in the election (for logs and status). */
    String identity();
}
