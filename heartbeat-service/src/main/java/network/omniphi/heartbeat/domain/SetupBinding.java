package network.omniphi.heartbeat.domain;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/** Port: binds a wallet's oldest pending local setup to a consensus key seen for the first time, emitting first_seen. */
public interface SetupBinding {

    /** The setup bound by this call, or empty when there was none to bind (or another call bound it first). */
    Uni<Optional<String>> bindPendingSetup(HeartbeatWrite write);
}
