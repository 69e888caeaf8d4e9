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
import network.omniphi.proto.events.v1.StopRequested;
import network.omniphi.provisioning.config.ProvisioningConfig;
import network.omniphi.provisioning.domain.NodeLifecycle;
import network.omniphi.provisioning.domain.NodeRecords;
import network.omniphi.provisioning.domain.NodeWork;

/**
 * {@code validator.stop.requested}: marks the node to stop and announces {@code stopping} in one transaction; the
 * reconcile loop then scales it to zero (or ends the process), keeping the volume and key, and announces
 * {@code stopped}. The setup and stop commands travel on different topics, so a stop can arrive before the setup
 * request: then a stopped record is stored (and {@code stopped} announced) that the setup request finds later, so no
 * node is ever created for it. Stopping a stopped or stopping node changes nothing: the command is idempotent; a stop
 * the gateway's overdue sweep re-sent ({@code redrive > 0}) is answered with the node's current state.
 */
@ApplicationScoped
public class StopRequestedConsumer {

    static final String CONSUMER = "provisioning.stop-requested";
    private static final Logger LOG = Logger.getLogger(StopRequestedConsumer.class);

    private final NodeRecords nodes;
    private final NodeLifecycle lifecycle;
    private final NodeWork loop;
    private final EventIntake intake;
    private final EventIntake.Once<StopRequested> once;
    private final ProvisioningConfig config;
    private final Clock clock;

    public StopRequestedConsumer(NodeRecords nodes, NodeLifecycle lifecycle,
            NodeWork loop, ProvisioningConfig config, Clock clock, EventIntake intake) {
        this.intake = intake;
        this.nodes = nodes;
        this.lifecycle = lifecycle;
        this.loop = loop;
        this.config = config;
        this.clock = clock;
        this.once = EventIntake.Once
                .of(CONSUMER, LOG, StopRequestedConsumer::decode, (StopRequested e) -> e.getMeta().getEventId(),
                        this::apply)
                .wakingUp(this::kick);
    }

    @Incoming("stop-requested")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return intake.consumeOnce(record, once);
    }

    /** The event, if it can ever be applied: it parses and carries the event id it is deduplicated on. */
    static StopRequested decode(byte[] value) throws InvalidProtocolBufferException {
        StopRequested event = StopRequested.parseFrom(value);
        if (event.getMeta().getEventId().isBlank()) {
            throw new PoisonEvent("meta.event_id is missing (the event cannot be deduplicated)");
        }
        return event;
    }

    /** After the commit of a change: the reconcile loop takes the setup's node now rather than at its next pass. */
    private Uni<Void> kick(StopRequested event) {
        loop.kick(event.getSetupRequestId());
        return Uni.createFrom().voidItem();
    }

    /** The change, inside the consumer's transaction after the inbox check; true when the loop has work. */
    private Uni<Boolean> apply(StopRequested event) {
        if (event.getRunMode() == RunMode.RUN_MODE_LOCAL || event.getSetupRequestId().isBlank()) {
            return Uni.createFrom().item(false);
        }
        return nodes.node(event.getSetupRequestId()).flatMap(node -> {
            if (node == null) {
                LOG.infof("stop for setup %s before its setup request: recorded as stopped, no node will be created",
                        event.getSetupRequestId());
                return nodes.create(lifecycle.stopBeforeProvisioning(event.getSetupRequestId(),
                        config.defaultChainId(), NodeLifecycle.providerOrDefault(event.getProvider()),
                        clock.instant())).replaceWith(false);
            }
            if (event.getRedrive() > 0 && lifecycle.stopRequested(node).isEmpty()) {
                LOG.infof("stop of setup %s re-sent by the gateway (re-drive %d): announcing node %s as %s",
                        node.setupRequestId(), event.getRedrive(), node.name(), node.status());
                return nodes.announce(lifecycle.announcement(node)).replaceWith(true);
            }
            return lifecycle.stopRequested(node).map(nodes::apply).orElse(Uni.createFrom().item(false));
        });
    }
}
