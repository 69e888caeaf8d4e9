package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Chain read-model updates; fields an event does not carry keep their value; older events change nothing. */
final class ChainUpdates {

    private ChainUpdates() {
    }

    static Uni<ChainInfo> merge(SetupStore store, StatusEvent e, String operator, String txHash, Boolean active,
            Long power, Boolean jailed) {
        return store.lastChainEventAt(e.setupRequestId()).flatMap(last -> store.chainInfo(e.setupRequestId())
                .map(current -> current == null ? ChainInfo.none() : current)
                .flatMap(current -> {
                    if (last != null && e.occurredAt().isBefore(last)) {
                        return Uni.createFrom().item(current);
                    }
                    ChainInfo next = new ChainInfo(nonEmpty(operator, current.operatorAddress()),
                            active != null ? active : current.isActiveValidator(),
                            power != null ? power : current.votingPower(), jailed != null ? jailed : current.jailed(),
                            nonEmpty(txHash, current.txHash()), e.occurredAt());
                    return store.saveChainInfo(e.setupRequestId(), next, e.occurredAt()).replaceWith(next);
                }));
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
