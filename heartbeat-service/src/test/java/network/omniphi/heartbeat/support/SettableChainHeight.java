package network.omniphi.heartbeat.support;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.domain.ChainHeightPort;

/** The chain height as the test sets it; unknown (chain RPC down) until set. */
@Alternative
@Priority(1)
@ApplicationScoped
public class SettableChainHeight implements ChainHeightPort {

    private volatile Long height;

    public void set(Long height) {
        this.height = height;
    }

    @Override
    public Uni<Optional<Long>> latestHeight() {
        return Uni.createFrom().item(Optional.ofNullable(height));
    }
}
