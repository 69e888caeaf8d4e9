package network.omniphi.devnet.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DomainArchitectureTest {

    @Test
    void domainDependsOnNoFrameworkNorGeneratedWireTypes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("network.omniphi.devnet");
        noClasses().that().resideInAPackage("network.omniphi.devnet.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "io.grpc..", "io.smallrye..", "io.vertx..",
                        "com.google.protobuf..", "cosmos..", "tendermint..", "network.omniphi.devnet.api..",
                        "network.omniphi.devnet.config..")
                .check(classes);
    }
}
