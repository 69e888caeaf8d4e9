package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Port: live checks of the gateway's own infrastructure; each answers false (never fails) when it is down. */
public interface HealthProbes {

    Uni<Boolean> database();

    Uni<Boolean> kafka();
}
