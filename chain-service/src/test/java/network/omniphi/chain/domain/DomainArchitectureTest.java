package network.omniphi.chain.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** STYLE 2: the domain imports no JAX-RS, fabric8, gRPC, messaging or Panache (nor the generated protobuf types). */
class DomainArchitectureTest {

    @Test
    void domainIsFreeOfAdapters() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("network.omniphi.chain");

        noClasses().that().resideInAPackage("..chain.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.fabric8..", "io.grpc..",
                        "io.quarkus.grpc..", "org.eclipse.microprofile.reactive.messaging..",
                        "io.smallrye.reactive.messaging..", "org.apache.kafka..", "io.quarkus.hibernate..",
                        "io.quarkus.panache..", "jakarta.persistence..", "cosmos..", "tendermint..",
                        "network.omniphi.proto..", "com.google.protobuf..")
                .check(classes);
    }
}
