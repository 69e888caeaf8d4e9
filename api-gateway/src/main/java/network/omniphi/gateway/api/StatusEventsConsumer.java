package network.omniphi.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.inbox.EventIntake;
import network.omniphi.gateway.domain.StatusEvent;
import network.omniphi.gateway.domain.StatusProjection;

/**
 * Consumes node, chain and heartbeat events and applies them to the status read model through {@link EventIntake}: a
 * failure to apply (database down) is retried with back-off, so the offset only moves once the event is durably
 * applied; a record that can never apply (unparseable, no valid setup id) goes to {@code <topic>.dlq} instead of
 * blocking its partition.
 */
@ApplicationScoped
public class StatusEventsConsumer {

    static final String CONSUMER = "api-gateway.status-events";
    private static final Logger LOG = Logger.getLogger(StatusEventsConsumer.class);

    private final StatusProjection projection;
    private final EventIntake intake;

    public StatusEventsConsumer(StatusProjection projection, EventIntake intake) {
        this.projection = projection;
        this.intake = intake;
    }

    @Incoming("status-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return intake.consume(record, CONSUMER, LOG, value -> StatusEventMapper.map(record.topic(), value),
                (StatusEvent e) -> e.eventId().toString(), projection::apply);
    }
}
