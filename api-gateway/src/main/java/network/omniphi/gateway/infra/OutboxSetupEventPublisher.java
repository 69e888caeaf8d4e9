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
        return outbox.enqueue(Topics.SETUP_REQUESTED, s.id().toString(), setupEvent(s, 0));
    }

    @Override
    public Uni<Void> stopRequested(SetupRequest s) {
        return outbox.enqueue(Topics.STOP_REQUESTED, s.id().toString(), stopEvent(s, 0));
    }

    @Override
    public Uni<Void> setupRequestedAgain(SetupRequest s, int attempt) {
        return outbox.enqueue(Topics.SETUP_REQUESTED, s.id().toString(), setupEvent(s, attempt));
    }

    @Override
    public Uni<Void> stopRequestedAgain(SetupRequest s, int attempt) {
        return outbox.enqueue(Topics.STOP_REQUESTED, s.id().toString(), stopEvent(s, attempt));
    }

    private SetupRequested setupEvent(SetupRequest s, int redrive) {
        String key = s.id().toString();
        return SetupRequested.newBuilder()
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
                .setRedrive(redrive)
                .build();
    }

    private StopRequested stopEvent(SetupRequest s, int redrive) {
        String key = s.id().toString();
        return StopRequested.newBuilder()
                .setMeta(EventMetas.create(key, PRODUCER, clock))
                .setSetupRequestId(key)
                .setWalletAddress(s.walletAddress())
                .setRunMode(runMode(s.runMode()))
                .setProvider(s.provider())
                .setRedrive(redrive)
                .build();
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
