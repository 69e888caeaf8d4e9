package network.omniphi.commons.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.google.protobuf.Timestamp;

import network.omniphi.proto.events.v1.EventMeta;

/** Builds the envelope every event carries (STYLE 15). */
public final class EventMetas {

    /** Schema version of the omniphi.events.v1 package. */
    public static final int SCHEMA_VERSION = 1;

    private EventMetas() {
    }

    public static EventMeta create(String subjectId, String producer, Clock clock) {
        return create(UUID.randomUUID(), subjectId, producer, clock.instant());
    }

    public static EventMeta create(UUID eventId, String subjectId, String producer, Instant occurredAt) {
        return EventMeta.newBuilder()
                .setEventId(eventId.toString())
                .setOccurredAt(timestamp(occurredAt))
                .setSubjectId(subjectId)
                .setProducer(producer)
                .setSchemaVersion(SCHEMA_VERSION)
                .build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant instant(Timestamp ts) {
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }

    /** The event id as a UUID, or a name-based UUID for producers that sent a non-UUID id. */
    public static UUID eventId(EventMeta meta) {
        return eventId(meta.getEventId());
    }

    /** The event id as a UUID: itself when it is one, else a name-based UUID of its text (stable per event id). */
    public static UUID eventId(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
