package network.omniphi.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The {@link LayerRules} every module checks: a module's {@code ArchitectureTest} extends this with its root package.
 * There is no way to excuse a class: a rule that does not fit is changed here, for every module. The module's main
 * classes are imported once per root package and shared by its tests.
 */
public abstract class LayeringTest {

    private static final Map<String, JavaClasses> CLASSES = new ConcurrentHashMap<>();

    private final String basePackage;
    private final String apiPackage;

    protected LayeringTest(String basePackage) {
        this(basePackage, "api");
    }

    /** For a module whose inbound side is not called {@code api} (the local agent's {@code bridge}). */
    protected LayeringTest(String basePackage, String apiPackage) {
        this.basePackage = basePackage;
        this.apiPackage = apiPackage;
    }

    /** The module's root package, e.g. {@code network.omniphi.gateway}. */
    protected final String basePackage() {
        return basePackage;
    }

    /** The module's main classes (no tests, no jars). */
    protected final JavaClasses classes() {
        return CLASSES.computeIfAbsent(basePackage, LayerRules::mainClasses);
    }

    @Test
    void theDomainIsFreeOfAdaptersAndOuterPackages() {
        LayerRules.domainIsFreeOfAdapters(basePackage).check(classes());
    }

    @Test
    void theApiTalksToTheDomainNotToInfra() {
        LayerRules.apiDoesNotUseInfra(basePackage, apiPackage).check(classes());
    }
}
