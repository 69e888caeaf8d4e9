package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The ValidatorNode samples satisfy the generated CRD's schema: required fields, known fields, patterns. */
class SamplesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", ".")).toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"validatornode-minimal.yaml", "validatornode-full.yaml", "validatornode-omniphid.yaml"})
    void sampleMatchesTheCrdSchema(String sample) throws IOException {
        JSONSchemaProps spec = crd().getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties()
                .get("spec");
        GenericKubernetesResource resource = read(DEPLOY.resolve("samples").resolve(sample),
                GenericKubernetesResource.class);
        assertThat(resource.getApiVersion()).isEqualTo("validators.omniphi.network/v1alpha1");
        assertThat(resource.getKind()).isEqualTo("ValidatorNode");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) resource.getAdditionalProperties().get("spec");
        assertThat(values).containsKeys(spec.getRequired().toArray(String[]::new));
        values.forEach((field, value) -> {
            assertThat(spec.getProperties()).as("field %s is in the CRD", field).containsKey(field);
            String pattern = spec.getProperties().get(field).getPattern();
            if (pattern != null) {
                assertThat(Pattern.compile(pattern).matcher(String.valueOf(value)).find())
                        .as("%s=%s matches %s", field, value, pattern).isTrue();
            }
        });
    }

    private static CustomResourceDefinition crd() throws IOException {
        return read(DEPLOY.resolve("crd/validatornodes.validators.omniphi.network-v1.yml"),
                CustomResourceDefinition.class);
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, type);
        }
    }
}
