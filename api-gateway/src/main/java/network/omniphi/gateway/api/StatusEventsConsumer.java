package network.omniphi.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.inbox.ApplyRetry;
import network.omniphi.gateway.domain.StatusEvent;
import network.omniphi.gateway.domain.StatusProjection;

/**
 * Consumes node, chain and heartbeat events and applies them to the status read model. A record that cannot be
 * parsed is logged and skipped; a failure to apply (database down) is retried with back-off, so the offset only moves
 * once the event is durably applied.
 */
@ApplicationScoped
public class StatusEventsConsumer {

    private static final Logger LOG = Logger.getLogger(StatusEventsConsumer.class);

    private final StatusProjection projection;

    public StatusEventsConsumer(StatusProjection projection) {
        this.projection = projection;
    }

    @Incoming("status-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        StatusEvent event;
        try {
            event = StatusEventMapper.map(record.topic(), record.value());
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            LOG.warnf("skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        return ApplyRetry.untilApplied(projection.apply(event), LOG,
                () -> "applying " + event.getClass().getSimpleName()).replaceWithVoid();
    }
}
