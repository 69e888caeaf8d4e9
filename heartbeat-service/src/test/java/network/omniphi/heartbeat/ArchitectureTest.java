package network.omniphi.heartbeat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** STYLE 2: the domain depends on no inbound or outbound technology. */
class ArchitectureTest {

    @Test
    void domainImportsNoJaxRsFabric8GrpcMessagingOrPanache() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("network.omniphi.heartbeat");
        noClasses().that().resideInAPackage("network.omniphi.heartbeat.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..",
                        "io.fabric8..", "io.grpc..", "org.eclipse.microprofile.reactive.messaging..",
                        "io.smallrye.reactive.messaging..", "org.apache.kafka..", "io.quarkus.hibernate..",
                        "io.quarkus.panache..", "jakarta.persistence..", "io.vertx..")
                .check(classes);
    }
}
