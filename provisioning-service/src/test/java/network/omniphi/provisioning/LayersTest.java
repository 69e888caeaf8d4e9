package network.omniphi.provisioning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** STYLE 2: domain/ imports no JAX-RS, fabric8, gRPC, messaging or Panache. */
class LayersTest {

    @Test
    void domainHasNoFrameworkImports() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("network.omniphi.provisioning");
        noClasses().that().resideInAPackage("..provisioning.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "io.fabric8..", "io.grpc..",
                        "org.eclipse.microprofile.reactive.messaging..",
                        "io.smallrye.reactive.messaging..", "org.apache.kafka..", "io.quarkus.hibernate..",
                        "jakarta.persistence..", "network.omniphi.proto..")
                .check(classes);
    }
}
