package network.omniphi.commons.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/: {@code traceparent}, {@code tracestate}) across the outbox
 * and Kafka, as the OpenTelemetry specification's propagators define it
 * (opentelemetry-specification {@code context/api-propagators.md}). The header format is the OpenTelemetry API's
 * {@link W3CTraceContextPropagator}'s, never written by hand. Used where Quarkus' own instrumentation does not reach:
 * events are published from the transactional outbox by a plain Kafka producer, so the trace context of the
 * transaction that wrote an event is stored with its row and sent as record headers by the relay; the consumers take
 * it from the headers (see {@link network.omniphi.commons.inbox.EventIntake}).
 */
public final class TraceContexts {

    /** The header / column names: {@code traceparent} and {@code tracestate}. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = (carrier, key, value) -> carrier.put(key,
            value);
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (Header h : headers) {
                keys.add(h.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header h = headers.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContexts() {
    }

    /** The W3C fields of the current context ({@code traceparent}, {@code tracestate}); empty outside a span. */
    public static Map<String, String> current() {
        Map<String, String> fields = new HashMap<>();
        W3C.inject(Context.current(), fields, MAP_SETTER);
        return fields;
    }

    /** The remote context stored as W3C fields (no span: the root context). */
    public static Context fromFields(String traceparent, String tracestate) {
        Map<String, String> fields = new HashMap<>();
        if (traceparent != null) {
            fields.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            fields.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), fields, MAP_GETTER);
    }

    /** Writes {@code context}'s span context into Kafka record headers (nothing when it has no valid span). */
    public static void inject(Context context, Headers headers) {
        W3C.inject(context, headers, HEADER_SETTER);
    }

    /** The remote parent carried by Kafka record headers (the root context when there is none). */
    public static Context extract(Headers headers) {
        return W3C.extract(Context.root(), headers, HEADER_GETTER);
    }
}
