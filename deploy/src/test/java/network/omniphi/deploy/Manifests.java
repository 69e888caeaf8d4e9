package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Renders an overlay with {@code kubectl kustomize} and parses every document with the fabric8 model. */
final class Manifests {

    static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", "."));
    static final List<String> OVERLAYS = List.of("dev", "production", "platform");
    static final List<String> SERVICES = List.of("api-gateway", "provisioning-service", "chain-service",
            "heartbeat-service");
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    /** One rendered overlay: the YAML text and its objects (typed when fabric8 knows the kind, generic otherwise). */
    record Rendered(String overlay, String yaml, List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type, String name) {
            return find(type, name).orElseThrow(() -> new AssertionError(
                    overlay + ": no " + type.getSimpleName() + " named " + name));
        }

        <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
            return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
        }

        List<GenericKubernetesResource> generic(String kind) {
            return all(GenericKubernetesResource.class).stream().filter(g -> kind.equals(g.getKind())).toList();
        }
    }

    private Manifests() {
    }

    static Stream<String> overlays() {
        return OVERLAYS.stream();
    }

    static Rendered render(String overlay) {
        return CACHE.computeIfAbsent(overlay, Manifests::kustomize);
    }

    private static Rendered kustomize(String overlay) {
        Path dir = DEPLOY.resolve("overlays").resolve(overlay);
        String yaml = run(System.getProperty("kubectl", "kubectl"), "kustomize", dir.toString());
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                objects.add(SERIALIZATION.unmarshal(doc, HasMetadata.class));
            }
        }
        assertThat(objects).as("objects rendered from overlays/%s", overlay).isNotEmpty();
        return new Rendered(overlay, yaml, objects);
    }

    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out;
            byte[] err;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                out = stdout.readAllBytes();
                err = stderr.readAllBytes();
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
            assertThat(process.exitValue()).as("exit code of %s; stderr: %s", String.join(" ", command),
                    new String(err, StandardCharsets.UTF_8)).isZero();
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " (install kubectl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The validator namespace of a rendered overlay (the Namespace whose name ends in -validators). */
    static String validatorNamespace(Rendered r) {
        return r.all(io.fabric8.kubernetes.api.model.Namespace.class).stream().map(n -> n.getMetadata().getName())
                .filter(n -> n.endsWith("-validators")).findFirst().orElseThrow(() -> new AssertionError(
                        r.overlay() + ": no validator namespace"));
    }

    /** The services namespace of a rendered overlay. */
    static String servicesNamespace(Rendered r) {
        return r.all(io.fabric8.kubernetes.api.model.Namespace.class).stream().map(n -> n.getMetadata().getName())
                .filter(n -> !n.endsWith("-validators")).findFirst().orElseThrow();
    }

    static List<String> requiredMetrics(String service) throws IOException {
        return Files.readAllLines(DEPLOY.resolve("monitoring/required-metrics").resolve(service + ".txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
