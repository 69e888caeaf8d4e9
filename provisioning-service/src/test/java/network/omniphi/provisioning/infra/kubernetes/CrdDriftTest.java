package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * The committed CRD must be what the model classes generate (CI fails on drift). The generator sorts printer columns
 * by JSON path; kubectl shows them in CRD order, so they are put back in the order the class declares them (phase,
 * height, age; then the wide ones). To refresh the file after a model change run the tests with
 * {@code -Dcrd.update=true}.
 */
class CrdDriftTest {

    static final Path COMMITTED = Path.of("..", "deploy", "crd", "validatornodes.validators.omniphi.network-v1.yml");
    static final String HEADER = "# Generated from provisioning-service's ValidatorNodeResource by CrdDriftTest "
            + "(fabric8 CRDGenerator, printer columns in declared order); do not edit, run the tests with "
            + "-Dcrd.update=true\n";

    @TempDir
    Path out;

    @Test
    void committedCrdMatchesTheModel() throws Exception {
        new CRDGenerator().customResourceClasses(ValidatorNodeResource.class)
                .inOutputDir(out.toFile()).forCRDVersions("v1").generate();
        CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(out.resolve(COMMITTED.getFileName())),
                CustomResourceDefinition.class);
        List<String> declared = Arrays.stream(ValidatorNodeResource.class
                .getAnnotationsByType(AdditionalPrinterColumn.class)).map(AdditionalPrinterColumn::name).toList();
        crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns()
                .sort(Comparator.comparingInt((CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
        String generated = HEADER + Serialization.asYaml(crd);
        if (Boolean.getBoolean("crd.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }
        var version = crd.getSpec().getVersions().get(0);
        assertThat(version.getAdditionalPrinterColumns()).extracting(c -> c.getName() + "/" + c.getPriority())
                .containsExactly("Phase/0", "Height/0", "Age/0", "Moniker/1", "Chain/1", "Ready/1", "Image/1",
                        "Pubkey/1");
        assertThat(version.getSubresources().getStatus()).isNotNull();
        JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertThat(spec.getProperties()).allSatisfy((field, schema) -> assertThat(schema.getDescription())
                .as("kubectl explain validatornode.spec.%s", field).isNotBlank());
        assertThat(spec.getProperties()).containsKeys("image", "imagePullPolicy", "binary", "home", "chainId",
                "genesis", "seeds", "persistentPeers", "stateSync", "minimumGasPrices", "resources", "storageClass",
                "storageSize", "doubleSignCheckHeight");
        assertThat(version.getSchema().getOpenAPIV3Schema().getProperties().get("status").getProperties())
                .containsKeys("phase", "conditions", "observedGeneration");
        assertThat(Files.readString(COMMITTED)).as("deploy/crd is stale: run with -Dcrd.update=true")
                .isEqualTo(generated);
    }
}
