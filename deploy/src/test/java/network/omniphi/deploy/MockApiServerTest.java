package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import network.omniphi.deploy.Manifests.Rendered;

/**
 * Every rendered object is well-formed for its kind (no field the fabric8 model does not know: a typo or a wrong
 * nesting ends up there) and is accepted by a CRD-aware mock API server: the ValidatorNode CRD is registered first,
 * then stand-in CRDs for the operators' kinds (Strimzi, CloudNativePG, Prometheus Operator), then everything else.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class MockApiServerTest {

    private static final String VALIDATORNODE_CRD = "validatornodes.validators.omniphi.network";

    KubernetesMockServer server;
    KubernetesClient client;

    static java.util.stream.Stream<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void typedObjectsHaveNoUnknownFields(String overlay) {
        for (HasMetadata o : Manifests.render(overlay).objects()) {
            if (!(o instanceof GenericKubernetesResource)) {
                List<String> unknown = new ArrayList<>();
                unknownFields(o, o.getKind(), unknown, new IdentityHashMap<>());
                assertThat(unknown).as("fields of %s %s unknown to the Kubernetes schema", o.getKind(),
                        o.getMetadata().getName()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsAcceptedByTheApiServer(String overlay) throws IOException {
        Rendered r = Manifests.render(overlay);
        String namespace = Manifests.servicesNamespace(r);
        String validators = Manifests.validatorNamespace(r);
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(
                Manifests.DEPLOY.resolve("crd/validatornodes.validators.omniphi.network-v1.yml"))) {
            crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        }
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        r.all(GenericKubernetesResource.class).stream().map(g -> g.getApiVersion() + "/" + g.getKind()).distinct()
                .forEach(this::registerStandInCrd);

        List<HasMetadata> ordered = new ArrayList<>(r.objects());
        ordered.sort(Comparator.comparingInt(MockApiServerTest::order));
        for (HasMetadata o : ordered) {
            boolean clusterScoped = o instanceof Namespace || o instanceof CustomResourceDefinition;
            if (clusterScoped) {
                assertThat(o.getMetadata().getNamespace()).as("namespace of %s", o.getMetadata().getName()).isNull();
            } else {
                assertThat(o.getMetadata().getNamespace()).as("namespace of %s %s", o.getKind(), o.getMetadata()
                        .getName()).isIn(namespace, validators);
            }
            if (o instanceof CustomResourceDefinition rendered) {
                assertThat(rendered.getMetadata().getName()).isEqualTo(VALIDATORNODE_CRD);
                assertThat(rendered.getSpec()).as("the generated CRD is included unchanged").isEqualTo(crd.getSpec());
                continue; // registered above
            }
            client.resource(o).create();
        }
        for (HasMetadata o : r.objects()) {
            assertThat(client.resource(o).get()).as("%s %s stored", o.getKind(), o.getMetadata().getName())
                    .isNotNull();
        }
        assertThat(client.genericKubernetesResources("validators.omniphi.network/v1alpha1", "ValidatorNode")
                .inNamespace(namespace).list().getItems()).as("the CRD is served").isEmpty();
    }

    private static int order(HasMetadata o) {
        return o instanceof Namespace ? 0 : o instanceof CustomResourceDefinition ? 1 : 2;
    }

    /** A schemaless namespaced CRD for an operator's kind, as the operator's own install would provide. */
    private void registerStandInCrd(String apiVersionAndKind) {
        String[] parts = apiVersionAndKind.split("/");
        String group = parts[0];
        String version = parts[1];
        String kind = parts[2];
        String plural = kind.toLowerCase(Locale.ROOT) + "s";
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(plural + "." + group).endMetadata()
                .withNewSpec().withGroup(group).withScope("Namespaced")
                .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase(Locale.ROOT))
                .endNames()
                .addNewVersion().withName(version).withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
                .endVersion().endSpec().build()).create();
    }

    /** Collects the paths of values the model kept in additionalProperties, i.e. did not recognise. */
    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        if (!(value instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object v = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else if (!Set.of("getData", "getBinaryData", "getLabels", "getAnnotations").contains(getter.getName())) {
                unknownFields(v, path + "." + getter.getName().substring(3), unknown, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
