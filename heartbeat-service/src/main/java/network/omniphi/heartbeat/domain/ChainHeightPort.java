package network.omniphi.heartbeat.domain;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/** Port: the chain's latest block height, or empty while the chain RPC cannot be reached. Never fails. */
public interface ChainHeightPort {

    Uni<Optional<Long>> latestHeight();
}
