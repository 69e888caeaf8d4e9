package network.omniphi.provisioning.infra.kubernetes.builders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * The node's ConfigMap: only the configure script ({@code node/configure.sh}) that the configure init container runs.
 * The settings themselves go into the files the binary reads ({@code <home>/config/config.toml}, {@code app.toml}),
 * written by that script from the container's environment; no secrets anywhere.
 */
public final class NodeConfigMapBuilder {

    public static final String SCRIPT_KEY = "configure.sh";
    private static final String SCRIPT = load("/node/configure.sh");

    private NodeConfigMapBuilder() {
    }

    public static ConfigMap build(ValidatorNodeResource cr) {
        return new ConfigMapBuilder().withMetadata(NodeObjects.owned(cr, "config"))
                .withData(Map.of(SCRIPT_KEY, SCRIPT)).build();
    }

    /** The configure script as shipped (tests run it against a real node home layout). */
    public static String script() {
        return SCRIPT;
    }

    private static String load(String resource) {
        try (InputStream in = NodeConfigMapBuilder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
