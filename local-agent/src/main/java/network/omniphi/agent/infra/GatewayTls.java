package network.omniphi.agent.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import network.omniphi.agent.domain.AgentException;

/**
 * Which certificates the agent trusts for the gateway. With {@code --gateway-ca FILE} exactly the PEM certificates
 * in FILE; for a gateway on localhost without that option, the local stack's self-signed certificate that the gateway
 * writes to {@code .run/tls/gateway.crt} (GatewayMain, profile dev) when it can be found; otherwise the system's trust
 * store. Certificate checks are never switched off.
 */
public final class GatewayTls {

    static final String DEV_CERT = ".run/tls/gateway.crt";

    private GatewayTls() {
    }

    public static SSLContext context(Path caFile) {
        if (caFile == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no default TLS context", e);
            }
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("gateway-" + i++, cert);
            }
            if (i == 0) {
                throw new AgentException.BadInput(caFile + " holds no PEM certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new AgentException.BadInput("cannot use " + caFile + " as the gateway's certificate: "
                    + e.getMessage());
        }
    }

    /**
     * The local stack's certificate for a gateway on localhost: {@code $OMNIPHI_RUN_DIR/tls/gateway.crt}, else
     * {@code .run/tls/gateway.crt} in the working directory or one of its parents, or beside the agent's install.
     */
    public static Optional<Path> findDevCertificate(URI gateway, Path agentLocation) {
        String host = gateway.getHost();
        if (!"https".equals(gateway.getScheme())
                || !("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host))) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        String runDir = System.getenv("OMNIPHI_RUN_DIR");
        if (runDir != null && !runDir.isBlank()) {
            candidates.add(Path.of(runDir, "tls", "gateway.crt"));
        }
        addParents(candidates, Path.of("").toAbsolutePath());
        if (agentLocation != null) {
            addParents(candidates, agentLocation.toAbsolutePath());
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static void addParents(List<Path> candidates, Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(DEV_CERT));
        }
    }
}
