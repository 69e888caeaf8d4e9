package network.omniphi.heartbeat.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import network.omniphi.heartbeat.domain.IngestPolicy;

/** Hands the domain its intake settings as a value, so the domain never reads configuration itself. */
@ApplicationScoped
public class IngestPolicyProducer {

    @Produces
    @Singleton
    IngestPolicy ingestPolicy(HeartbeatConfig config) {
        return new IngestPolicy(config.timestampWindow(), config.rateLimit().burst(),
                config.rateLimit().refillEvery());
    }
}
