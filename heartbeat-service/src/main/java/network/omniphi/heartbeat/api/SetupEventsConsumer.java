package network.omniphi.heartbeat.api;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.inbox.ApplyRetry;
import network.omniphi.commons.inbox.InboxRepository;
import network.omniphi.heartbeat.infra.ConsensusKeyLinkRegistry;
import network.omniphi.heartbeat.infra.LocalSetupRegistry;
import network.omniphi.proto.events.v1.ConsensusKeyLinked;
import network.omniphi.proto.events.v1.EventMeta;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;

/**
 * Learns the local-mode setups and their linked consensus keys from {@code validator.setup.requested},
 * {@code validator.consensus-key.linked} and {@code validator.stop.requested}. Each event is applied once (inbox on the
 * event id) in one transaction; unreadable records are logged and skipped, database failures are retried with
 * back-off.
 */
@ApplicationScoped
public class SetupEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SetupEventsConsumer.class);
    static final String CONSUMER = "heartbeat-service";

    private final InboxRepository inbox;
    private final LocalSetupRegistry registry;
    private final ConsensusKeyLinkRegistry links;

    public SetupEventsConsumer(InboxRepository inbox, LocalSetupRegistry registry, ConsensusKeyLinkRegistry links) {
        this.inbox = inbox;
        this.registry = registry;
        this.links = links;
    }

    @Incoming("setup-requested")
    public Uni<Void> setupRequested(byte[] payload) {
        SetupRequested event;
        try {
            event = SetupRequested.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            LOG.warnf("skipping unreadable SetupRequested record: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.getRunMode() != RunMode.RUN_MODE_LOCAL || event.getSetupRequestId().isEmpty()) {
            return Uni.createFrom().voidItem(); // cloud setups are the provisioner's
        }
        return once(event.getMeta(), e -> registry.setupRequested(event))
                .flatMap(v -> bindRecent(event.getSetupRequestId()));
    }

    @Incoming("consensus-key-linked")
    public Uni<Void> consensusKeyLinked(byte[] payload) {
        ConsensusKeyLinked event;
        try {
            event = ConsensusKeyLinked.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            LOG.warnf("skipping unreadable ConsensusKeyLinked record: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.getSetupRequestId().isEmpty() || event.getConsensusPubkey().isEmpty()
                || event.getWalletAddress().isEmpty()) {
            LOG.warn("skipping a ConsensusKeyLinked event without setup, key or wallet");
            return Uni.createFrom().voidItem();
        }
        return once(event.getMeta(), e -> links.linked(event)).flatMap(v -> bindRecent(event.getSetupRequestId()));
    }

    private Uni<Void> bindRecent(String setupRequestId) {
        return ApplyRetry.untilApplied(Uni.createFrom().deferred(() -> Panache.withTransaction(
                () -> registry.bindRecent(setupRequestId))), LOG,
                () -> "binding recent heartbeats to setup " + setupRequestId);
    }

    @Incoming("stop-requested")
    public Uni<Void> stopRequested(byte[] payload) {
        StopRequested event;
        try {
            event = StopRequested.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            LOG.warnf("skipping unreadable StopRequested record: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (event.getSetupRequestId().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return once(event.getMeta(), e -> registry.stopRequested(event));
    }

    private Uni<Void> once(EventMeta meta, Function<EventMeta, Uni<Void>> apply) {
        if (meta.getEventId().isEmpty()) {
            LOG.warn("skipping an event without meta.event_id (cannot be deduplicated)");
            return Uni.createFrom().voidItem();
        }
        return ApplyRetry.untilApplied(Uni.createFrom().deferred(() -> Panache.withTransaction(
                () -> inbox.firstDelivery(EventMetas.eventId(meta), CONSUMER)
                        .flatMap(first -> first ? apply.apply(meta) : Uni.createFrom().voidItem()))),
                LOG,
                () -> "applying event " + meta.getEventId());
    }
}
