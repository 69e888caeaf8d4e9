package network.omniphi.provisioning.api;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.inbox.EventIntake;
import network.omniphi.commons.inbox.PoisonEvent;
import network.omniphi.proto.events.v1.RunMode;
import network.omniphi.proto.events.v1.SetupRequested;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeRecords;
import network.omniphi.provisioning.domain.NodeStatus;
import network.omniphi.provisioning.domain.NodeWork;
import network.omniphi.provisioning.domain.Transition;

/**
 * {@code validator.setup.requested}: a cloud setup becomes one node (row + {@code provisioning} event, one
 * transaction). Deduplicated on event id; a retried request with a new event id finds the existing node by setup id
 * and changes nothing, so no second node can ever be created. Nor any node for a setup stopped before its request
 * arrived: the stop left a stopped record under the setup id ({@link StopRequestedConsumer}). A request the gateway's
 * overdue sweep re-sent ({@code redrive > 0}) for an existing node is answered with the node's current state.
 */
@ApplicationScoped
public class SetupRequestedConsumer {

    static final String CONSUMER = "provisioning.setup-requested";
    private static final Logger LOG = Logger.getLogger(SetupRequestedConsumer.class);

    private final NodeRecords nodes;
    private final NodeWork loop;
    private final EventIntake intake;
    private final EventIntake.Once<SetupRequested> once;
    private final NodeLifecycle lifecycle;
    private final ProvisioningConfig config;
    private final Clock clock;

    public SetupRequestedConsumer(NodeRecords nodes, NodeWork loop,
            NodeLifecycle lifecycle, ProvisioningConfig config, Clock clock, EventIntake intake) {
        this.intake = intake;
        this.nodes = nodes;
        this.loop = loop;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
        this.once = EventIntake.Once
                .of(CONSUMER, LOG, SetupRequestedConsumer::decode, (SetupRequested e) -> e.getMeta().getEventId(),
                        this::apply)
                .wakingUp(this::kick);
    }

    @Incoming("setup-requested")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return intake.consumeOnce(record, once);
    }

    /** The event, if it can ever be applied: it parses and carries the event id it is deduplicated on. */
    static SetupRequested decode(byte[] value) throws InvalidProtocolBufferException {
        SetupRequested event = SetupRequested.parseFrom(value);
        if (event.getMeta().getEventId().isBlank()) {
            throw new PoisonEvent("meta.event_id is missing (the event cannot be deduplicated)");
        }
        return event;
    }

    /** After the commit of a change: the reconcile loop takes the setup's node now rather than at its next pass. */
    private Uni<Void> kick(SetupRequested event) {
        loop.kick(event.getSetupRequestId());
        return Uni.createFrom().voidItem();
    }

    /** The change, inside the consumer's transaction after the inbox check; true when the loop has work. */
    private Uni<Boolean> apply(SetupRequested event) {
        if (event.getRunMode() != RunMode.RUN_MODE_CLOUD || event.getSetupRequestId().isBlank()) {
            return Uni.createFrom().item(false);
        }
        return nodes.node(event.getSetupRequestId()).flatMap(existing -> {
            if (existing != null && event.getRedrive() > 0) {
                LOG.infof("setup %s re-sent by the gateway (re-drive %d): announcing node %s as %s",
                        existing.setupRequestId(), event.getRedrive(), existing.name(), existing.status());
                return nodes.announce(lifecycle.announcement(existing)).replaceWith(true);
            }
            if (existing != null) {
                LOG.infof(existing.status() == NodeStatus.STOPPED && existing.consensusPubkey() == null
                        ? "setup %s was stopped before its node %s was provisioned; nothing is created"
                        : "setup %s already has node %s; nothing to do", existing.setupRequestId(), existing.name());
                return Uni.createFrom().item(false);
            }
            return nodes.create(newNode(event)).replaceWith(true);
        });
    }

    private Transition newNode(SetupRequested event) {
        String chainId = event.getChainId().isBlank() ? config.defaultChainId() : event.getChainId();
        return lifecycle.requested(event.getSetupRequestId(), event.getValidatorName(), chainId, event.getProvider(),
                clock.instant());
    }
}
