package network.omniphi.heartbeat.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import network.omniphi.commons.error.DomainException;

/**
 * Heartbeat ingestion meters: {@code omniphi.heartbeat.accepted}, {@code omniphi.heartbeat.refused{reason}} (the
 * problem code) and the end-to-end timer {@code omniphi.heartbeat.ingest{outcome}}.
 */
@ApplicationScoped
public class HeartbeatMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;

    public HeartbeatMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("omniphi.heartbeat.accepted").description("Heartbeats accepted and stored")
                .register(registry);
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void accepted(Timer.Sample sample) {
        accepted.increment();
        sample.stop(timer("accepted"));
    }

    public void refused(Timer.Sample sample, Throwable failure) {
        String reason = failure instanceof DomainException e ? e.code() : "internal-error";
        Counter.builder("omniphi.heartbeat.refused").description("Heartbeats refused, by problem code")
                .tag("reason", reason).register(registry).increment();
        sample.stop(timer("refused"));
    }

    private Timer timer(String outcome) {
        return Timer.builder("omniphi.heartbeat.ingest").description("Time to answer a heartbeat")
                .tag("outcome", outcome).register(registry);
    }
}
