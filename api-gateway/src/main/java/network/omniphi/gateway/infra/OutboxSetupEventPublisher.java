package network.omniphi.gateway.infra;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.events.Topics;
import network.omniphi.commons.outbox.OutboxWriter;
import network.omniphi.gateway.config.GatewayConfig;
import network.omniphi.gateway.domain.RunMode;
import network.omniphi.gateway.domain.SetupEventPublisher;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.proto.events.v1.ConsensusKeyLinked;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;

/** Publishes the gateway's events through the transactional outbox (same transaction as the state change). */
@ApplicationScoped
public class OutboxSetupEventPublisher implements SetupEventPublisher {

    static final String PRODUCER = "api-gateway";

    private final OutboxWriter outbox;
    private final GatewayConfig config;
    private final Clock clock;

    public OutboxSetupEventPublisher(OutboxWriter outbox, GatewayConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<Void> setupRequested(SetupRequest s) {
        String key = s.id().toString();
        SetupRequested event = SetupRequested.newBuilder()
                .setMeta(EventMetas.create(key, PRODUCER, clock))
                .setSetupRequestId(key)
                .setWalletAddress(s.walletAddress())
                .setValidatorName(s.validatorName())
                .setWebsite(s.website())
                .setDescription(s.description())
                .setCommissionRate(s.commissionRate().toPlainString())
                .setRunMode(runMode(s.runMode()))
                .setProvider(s.provider())
                .setChainId(config.chainId())
                .build();
        return outbox.enqueue(Topics.SETUP_REQUESTED, key, event);
    }

    @Override
    public Uni<Void> stopRequested(SetupRequest s) {
        String key = s.id().toString();
        StopRequested event = StopRequested.newBuilder()
                .setMeta(EventMetas.create(key, PRODUCER, clock))
                .setSetupRequestId(key)
                .setWalletAddress(s.walletAddress())
                .setRunMode(runMode(s.runMode()))
                .setProvider(s.provider())
                .build();
        return outbox.enqueue(Topics.STOP_REQUESTED, key, event);
    }

    @Override
    public Uni<Void> consensusKeyLinked(SetupRequest s) {
        String key = s.id().toString();
        ConsensusKeyLinked event = ConsensusKeyLinked.newBuilder()
                .setMeta(EventMetas.create(key, PRODUCER, clock))
                .setSetupRequestId(key)
                .setWalletAddress(s.walletAddress())
                .setConsensusPubkey(s.consensusPubkey())
                .setChainId(config.chainId())
                .setLinkedAt(EventMetas.timestamp(s.updatedAt()))
                .build();
        return outbox.enqueue(Topics.CONSENSUS_KEY_LINKED, key, event);
    }

    private static network.omniphi.proto.events.v1.RunMode runMode(RunMode mode) {
        return mode == RunMode.CLOUD
                ? network.omniphi.proto.events.v1.RunMode.RUN_MODE_CLOUD
                : network.omniphi.proto.events.v1.RunMode.RUN_MODE_LOCAL;
    }
}
