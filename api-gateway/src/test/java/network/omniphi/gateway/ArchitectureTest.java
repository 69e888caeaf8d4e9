package network.omniphi.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The domain stays free of transport and persistence frameworks (STYLE 2). */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("network.omniphi.gateway");

    @Test
    void domainImportsNoFrameworkAdapters() {
        noClasses().that().resideInAPackage("..gateway.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.fabric8..", "io.grpc..",
                        "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..",
                        "io.quarkus.hibernate..", "org.hibernate..", "jakarta.persistence..", "org.apache.kafka..",
                        "network.omniphi.gateway.api..", "network.omniphi.gateway.infra..")
                .check(classes);
    }

    @Test
    void apiDoesNotTouchEntities() {
        noClasses().that().resideInAPackage("..gateway.api..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .check(classes);
    }
}
