package network.omniphi.heartbeat.domain;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Port: binds the pending local setup a consensus key is linked to, on the key's first accepted heartbeat, emitting
 * first_seen.
 */
public interface SetupBinding {

    /** The setup bound by this call, or empty when there was none to bind (or another call bound it first). */
    Uni<Optional<String>> bindLinkedSetup(HeartbeatWrite write);
}
