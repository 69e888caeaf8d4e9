package network.omniphi.heartbeat.domain;

import io.smallrye.mutiny.Uni;

/** Port: durable, conditional (newer timestamp wins, same wallet only) write of a heartbeat row. */
public interface HeartbeatStore {

    /** Completes only once the outcome is durable; fails with {@link HeartbeatException.StoreUnavailable}. */
    Uni<StoreOutcome> store(HeartbeatWrite write);
}
