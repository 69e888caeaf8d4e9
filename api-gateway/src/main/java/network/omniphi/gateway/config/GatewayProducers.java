package network.omniphi.gateway.config;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import network.omniphi.gateway.domain.ChainSettings;
import network.omniphi.gateway.domain.OverdueDeadlines;
import network.omniphi.gateway.domain.SetupPolicy;
import network.omniphi.gateway.domain.auth.AuthPolicy;
import network.omniphi.gateway.domain.link.LinkSettings;

/** Turns configuration into the plain values the domain needs. */
@ApplicationScoped
public class GatewayProducers {

    @Produces
    @Singleton
    SetupPolicy setupPolicy(GatewayConfig config) {
        return new SetupPolicy(Set.copyOf(config.cloudProviders()), config.defaultCloudProvider(),
                config.minCommissionRate(), config.accountPrefix());
    }

    @Produces
    @Singleton
    AuthPolicy authPolicy(GatewayConfig config, AuthConfig auth) {
        return new AuthPolicy(config.accountPrefix(), auth.challengeTtl(), auth.domain(), auth.uri(),
                auth.environment());
    }

    @Produces
    @Singleton
    LinkSettings linkSettings(GatewayConfig config) {
        return new LinkSettings(config.chainId());
    }

    @Produces
    @Singleton
    OverdueDeadlines overdueDeadlines(OverdueConfig overdue) {
        return new OverdueDeadlines(overdue.pending(), overdue.provisioning(), overdue.txSubmitted(),
                overdue.stopping(), overdue.redriveInterval(), overdue.redrives(), overdue.batch());
    }

    @Produces
    @Singleton
    ChainSettings chainSettings(GatewayConfig config) {
        return new ChainSettings(config.bondDenom());
    }
}
