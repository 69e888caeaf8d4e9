package network.omniphi.gateway;

import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import network.omniphi.gateway.infra.SelfSignedTls;

/**
 * Entry point. On the local stack (profile dev) it first creates the self-signed HTTPS certificate under
 * {@code ${OMNIPHI_RUN_DIR:.run}/tls/} when missing, because the TLS registry reads it while Quarkus starts. The path
 * and password here must match the {@code %dev.quarkus.tls.https.*} keys of application.properties.
 */
@QuarkusMain
public final class GatewayMain {

    static final String LOCAL_TLS_PASSWORD = "omniphi-dev-tls";

    private GatewayMain() {
    }

    public static void main(String... args) {
        String profile = System.getProperty("quarkus.profile", System.getenv().getOrDefault("QUARKUS_PROFILE", "prod"));
        if (profile.equals("dev")) {
            String runDir = System.getenv().getOrDefault("OMNIPHI_RUN_DIR", ".run");
            SelfSignedTls.ensure(Path.of(runDir, "tls", "gateway.p12"), LOCAL_TLS_PASSWORD.toCharArray());
        }
        Quarkus.run(args);
    }
}
