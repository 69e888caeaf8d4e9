package network.omniphi.gateway.testing;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import network.omniphi.gateway.infra.SelfSignedTls;

/**
 * Creates the self-signed certificate the %test TLS registry entry points at, before the application starts. Declared
 * here once; Quarkus applies an unrestricted test resource to every test of the module.
 */
@QuarkusTestResource(TestTls.class)
public class TestTls implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SelfSignedTls.ensure(Path.of("target/test-tls/gateway.p12"), "omniphi-test-tls".toCharArray());
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
