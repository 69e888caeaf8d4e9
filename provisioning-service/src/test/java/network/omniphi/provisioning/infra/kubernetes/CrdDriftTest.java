package network.omniphi.provisioning.infra.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.crdv2.generator.CRDGenerator;

import network.omniphi.provisioning.infra.kubernetes.model.ValidatorNodeResource;

/**
 * The committed CRD must be what the model classes generate. To refresh it after a model change run the tests with
 * {@code -Dcrd.update=true}.
 */
class CrdDriftTest {

    static final Path COMMITTED = Path.of("..", "deploy", "crd", "validatornodes.validators.omniphi.network-v1.yml");

    @TempDir
    Path out;

    @Test
    void committedCrdMatchesTheModel() throws Exception {
        new CRDGenerator().customResourceClasses(ValidatorNodeResource.class)
                .inOutputDir(out.toFile()).forCRDVersions("v1").generate();
        String generated = Files.readString(out.resolve(COMMITTED.getFileName()));
        if (Boolean.getBoolean("crd.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }
        assertThat(generated).contains("name: \"Phase\"", "name: \"Moniker\"", "name: \"Height\"",
                "name: \"Age\"", "status: {}", "maxLength: 70", "scope: \"Namespaced\"");
        assertThat(Files.readString(COMMITTED)).as("deploy/crd is stale: run with -Dcrd.update=true")
                .isEqualTo(generated);
    }
}
