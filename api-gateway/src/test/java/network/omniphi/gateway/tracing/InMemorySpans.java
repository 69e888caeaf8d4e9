package network.omniphi.gateway.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Tests export spans into memory: a SpanExporter bean replaces Quarkus' OTLP exporter, so no test ever sends spans
 * anywhere (application.properties, "Traces").
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
