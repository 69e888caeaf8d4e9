package network.omniphi.provisioning.domain;

/** Port: asks the reconciler to work on a setup's node soon (after a command that changed it was committed). */
public interface NodeWork {

    void kick(String setupRequestId);
}
