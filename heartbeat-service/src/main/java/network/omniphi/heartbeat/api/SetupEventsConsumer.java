package network.omniphi.heartbeat.api;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.events.EventMetas;
import network.omniphi.commons.inbox.EventIntake;
import network.omniphi.commons.inbox.PoisonEvent;
import network.omniphi.heartbeat.domain.LocalSetups;
import network.omniphi.proto.events.v1.ConsensusKeyLinked;
import network.omniphi.proto.events.v1.EventMeta;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.proto.events.v1.StopRequested;

/**
 * Learns the local-mode setups and their linked consensus keys from {@code validator.setup.requested},
 * {@code validator.consensus-key.linked} and {@code validator.stop.requested} through
 * {@link EventIntake#consumeOnce}: each event is applied once (inbox on the event id) in one transaction; after a
 * setup or link event committed, the setup is bound to its key if that key already reports
 * ({@link LocalSetups#bindRecent}). Unreadable records go to the dead-letter topic, database failures are retried with
 * back-off.
 */
@ApplicationScoped
public class SetupEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SetupEventsConsumer.class);
    static final String CONSUMER = "heartbeat-service";

    private final EventIntake intake;
    private final EventIntake.Once<SetupRequested> setupRequested;
    private final EventIntake.Once<ConsensusKeyLinked> consensusKeyLinked;
    private final EventIntake.Once<StopRequested> stopRequested;

    public SetupEventsConsumer(LocalSetups setups, EventIntake intake, Clock clock) {
        this.intake = intake;
        this.setupRequested = EventIntake.Once.of(CONSUMER, LOG, SetupEventsConsumer::decodeSetup,
                (SetupRequested e) -> e.getMeta().getEventId(),
                e -> setups.requested(new LocalSetups.Requested(e.getSetupRequestId(), e.getWalletAddress(),
                        instant(e.getMeta().hasOccurredAt(), e.getMeta().getOccurredAt(), clock)))
                        .replaceWith(true))
                .wakingUp(e -> setups.bindRecent(e.getSetupRequestId()));
        this.consensusKeyLinked = EventIntake.Once.of(CONSUMER, LOG, SetupEventsConsumer::decodeLink,
                (ConsensusKeyLinked e) -> e.getMeta().getEventId(),
                e -> setups.keyLinked(new LocalSetups.KeyLinked(e.getSetupRequestId(), e.getConsensusPubkey(),
                        e.getWalletAddress(), instant(e.hasLinkedAt(), e.getLinkedAt(), clock))).replaceWith(true))
                .wakingUp(e -> setups.bindRecent(e.getSetupRequestId()));
        this.stopRequested = EventIntake.Once.of(CONSUMER, LOG, SetupEventsConsumer::decodeStop,
                (StopRequested e) -> e.getMeta().getEventId(),
                e -> setups.stopped(new LocalSetups.Stopped(e.getSetupRequestId(), e.getWalletAddress()))
                        .replaceWith(false));
    }

    @Incoming("setup-requested")
    public Uni<Void> setupRequested(ConsumerRecord<String, byte[]> record) {
        return intake.consumeOnce(record, setupRequested);
    }

    @Incoming("consensus-key-linked")
    public Uni<Void> consensusKeyLinked(ConsumerRecord<String, byte[]> record) {
        return intake.consumeOnce(record, consensusKeyLinked);
    }

    @Incoming("stop-requested")
    public Uni<Void> stopRequested(ConsumerRecord<String, byte[]> record) {
        return intake.consumeOnce(record, stopRequested);
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

    /** The event's time when it carries one, else now. */
    private static Instant instant(boolean present, Timestamp at, Clock clock) {
        return present ? EventMetas.instant(at) : clock.instant();
    }
}
