package network.omniphi.heartbeat.api;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.inbox.ApplyRetry;
import network.omniphi.commons.inbox.EventIntake;
import network.omniphi.commons.inbox.InboxRepository;
import network.omniphi.commons.inbox.PoisonEvent;
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
    private final EventIntake intake;

    public SetupEventsConsumer(InboxRepository inbox, LocalSetupRegistry registry, ConsensusKeyLinkRegistry links,
            EventIntake intake) {
        this.inbox = inbox;
        this.registry = registry;
        this.links = links;
        this.intake = intake;
    }

    @Incoming("setup-requested")
    public Uni<Void> setupRequested(ConsumerRecord<String, byte[]> record) {
        return intake.consume(record, CONSUMER, LOG, SetupEventsConsumer::decodeSetup,
                (SetupRequested e) -> e.getMeta().getEventId(),
                event -> once(event.getMeta(), e -> registry.setupRequested(event))
                        .flatMap(v -> bindRecent(event.getSetupRequestId())));
    }

    @Incoming("consensus-key-linked")
    public Uni<Void> consensusKeyLinked(ConsumerRecord<String, byte[]> record) {
        return intake.consume(record, CONSUMER, LOG, SetupEventsConsumer::decodeLink,
                (ConsensusKeyLinked e) -> e.getMeta().getEventId(),
                event -> once(event.getMeta(), e -> links.linked(event))
                        .flatMap(v -> bindRecent(event.getSetupRequestId())));
    }

    @Incoming("stop-requested")
    public Uni<Void> stopRequested(ConsumerRecord<String, byte[]> record) {
        return intake.consume(record, CONSUMER, LOG, SetupEventsConsumer::decodeStop,
                (StopRequested e) -> e.getMeta().getEventId(),
                event -> once(event.getMeta(), e -> registry.stopRequested(event)));
    }

    /** A local setup this service tracks, null for a cloud setup (the provisioner's). */
    static SetupRequested decodeSetup(byte[] value) throws InvalidProtocolBufferException {
        SetupRequested event = SetupRequested.parseFrom(value);
        if (event.getRunMode() != RunMode.RUN_MODE_LOCAL) {
            return null;
        }
        requireIds(event.getMeta(), event.getSetupRequestId());
        return event;
    }

    static ConsensusKeyLinked decodeLink(byte[] value) throws InvalidProtocolBufferException {
        ConsensusKeyLinked event = ConsensusKeyLinked.parseFrom(value);
        requireIds(event.getMeta(), event.getSetupRequestId());
        if (event.getConsensusPubkey().isEmpty() || event.getWalletAddress().isEmpty()) {
            throw new PoisonEvent("consensus_pubkey or wallet_address is missing");
        }
        return event;
    }

    static StopRequested decodeStop(byte[] value) throws InvalidProtocolBufferException {
        StopRequested event = StopRequested.parseFrom(value);
        requireIds(event.getMeta(), event.getSetupRequestId());
        return event;
    }

    private static void requireIds(EventMeta meta, String setupRequestId) {
        if (meta.getEventId().isBlank()) {
            throw new PoisonEvent("meta.event_id is missing (the event cannot be deduplicated)");
        }
        if (setupRequestId.isBlank()) {
            throw new PoisonEvent("setup_request_id is missing");
        }
    }

    private Uni<Void> bindRecent(String setupRequestId) {
        return ApplyRetry.untilApplied(Uni.createFrom().deferred(() -> Panache.withTransaction(
                () -> registry.bindRecent(setupRequestId))), LOG,
                () -> "binding recent heartbeats to setup " + setupRequestId);
    }

    private Uni<Void> once(EventMeta meta, Function<EventMeta, Uni<Void>> apply) {
        return Panache.withTransaction(() -> inbox.firstDelivery(EventMetas.eventId(meta), CONSUMER)
                .flatMap(first -> first ? apply.apply(meta) : Uni.createFrom().voidItem()));
    }
}
