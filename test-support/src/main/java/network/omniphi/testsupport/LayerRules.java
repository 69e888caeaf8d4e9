package network.omniphi.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one layering rule set of the suite (docs/CONVENTIONS.md "Code layout"), checked by an {@code ArchitectureTest}
 * in every service and the devnet:
 * <ul>
 * <li>{@code domain/} uses no transport (HTTP, gRPC, Kafka, Vert.x), framework (fabric8, configuration, JSON binding),
 * persistence (Hibernate, Panache, JDBC, Flyway) or protobuf type, none of the commons adapters (outbox, inbox, Kafka
 * settings, problem mapping), and none of its own module's outer packages ({@code api}, {@code infra},
 * {@code config}, anything outside {@code domain});</li>
 * <li>{@code api/} talks to the domain, never to {@code infra/}.</li>
 * </ul>
 * CDI scopes ({@code jakarta.enterprise}, {@code jakarta.inject}), Mutiny, JBoss Logging and BouncyCastle are allowed in
 * a domain; {@link #plainDomain} forbids CDI and Quarkus as well, for a domain that is plain Java (the devnet's).
 */
public final class LayerRules {

    static final String[] TRANSPORT = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.resteasy..",
            "io.quarkus.rest..", "io.grpc..", "io.quarkus.grpc..", "org.eclipse.microprofile.reactive.messaging..",
            "io.smallrye.reactive.messaging..", "io.quarkus.kafka..", "org.apache.kafka..", "io.vertx..",
            "io.quarkus.vertx..", "jakarta.servlet.."};
    static final String[] FRAMEWORK = {"io.fabric8..", "org.eclipse.microprofile.config..", "io.smallrye.config..",
            "io.quarkus.runtime..", "io.quarkus.scheduler..", "com.fasterxml.jackson..", "io.micrometer.."};
    static final String[] PERSISTENCE = {"io.quarkus.hibernate..", "io.quarkus.panache..", "org.hibernate..",
            "jakarta.persistence..", "java.sql..", "javax.sql..", "io.agroal..", "org.flywaydb..",
            "io.quarkus.flyway.."};
    static final String[] PROTO = {"com.google.protobuf..", "network.omniphi.proto..", "cosmos..", "tendermint..",
            "cometbft.."};
    static final String[] COMMONS_ADAPTERS = {"network.omniphi.commons.outbox..", "network.omniphi.commons.inbox..",
            "network.omniphi.commons.kafka..", "network.omniphi.commons.problem.."};

    private LayerRules() {
    }

    /** The module's own main classes (no tests, no jars) under {@code basePackage}. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(basePackage);
    }

    /** Every package a domain must not use. */
    static String[] forbiddenInDomain() {
        List<String> all = new ArrayList<>();
        for (String[] group : List.of(TRANSPORT, FRAMEWORK, PERSISTENCE, PROTO, COMMONS_ADAPTERS)) {
            all.addAll(List.of(group));
        }
        return all.toArray(String[]::new);
    }

    /** {@code <base>.domain..} uses no adapter technology and nothing of its module outside {@code domain}. */
    public static ArchRule domainIsFreeOfAdapters(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..").should().dependOnClassesThat(
                resideInAnyPackage(forbiddenInDomain())
                        .or(resideInAPackage(basePackage + "..").and(not(resideInAPackage(basePackage + ".domain..")))))
                .as("the domain of " + basePackage + " uses no transport, framework, persistence or protobuf type and"
                        + " none of its module's outer packages");
    }

    /** {@code <base>.api..} talks to the domain, not to {@code <base>.infra..}; no module has an exception. */
    public static ArchRule apiDoesNotUseInfra(String basePackage) {
        return apiDoesNotUseInfra(basePackage, "api");
    }

    /**
     * The same rule for a module whose inbound side has another name: the local agent's HTTP bridge is
     * {@code bridge/}.
     */
    public static ArchRule apiDoesNotUseInfra(String basePackage, String apiPackage) {
        return noClasses().that().resideInAPackage(basePackage + "." + apiPackage + "..").should()
                .dependOnClassesThat().resideInAPackage(basePackage + ".infra..")
                .as("the " + apiPackage + " of " + basePackage + " talks to the domain, not to infra");
    }

    /** A domain that is plain Java: no CDI, no Quarkus, no Mutiny either (stricter; the devnet's choice). */
    public static ArchRule plainDomain(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..")
                .as("the domain of " + basePackage + " is plain Java");
    }
}
