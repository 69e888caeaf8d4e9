package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CRD's validation rules ({@code x-kubernetes-validations}, CEL) evaluated by Google's CEL implementation
 * (cel-java, the Java port of the cel-go library the Kubernetes API server uses), so the rules are checked by a real
 * CEL engine rather than by our reading of them. The API server's semantics reproduced here (Kubernetes v1.29+, where
 * CRD validation rules are GA; apiextensions-apiserver {@code pkg/apiserver/schema/cel/validation.go}): schema
 * {@code default}s are applied before validation; {@code self} is the value at the rule's schema node and a rule is
 * not evaluated where that value is absent; a transition rule (one that names {@code oldSelf}) is evaluated only on
 * an update where the old object has a value there too. The fabric8 mock API server does not evaluate CEL, so this is
 * the only place the rules run in tests.
 */
class CrdValidationRulesTest {

    private static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", ".")).toAbsolutePath();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS).addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    @Test
    void everyRuleCompilesAndTheImmutableFieldsAndTheOneWayStopAreCovered() throws Exception {
        List<Rule> rules = rules();
        for (Rule rule : rules) {
            assertThat(COMPILER.compile(rule.expression()).getAst()).as(rule.toString()).isNotNull();
        }
        assertThat(rules).extracting(Rule::where).contains("spec.setupRequestId", "spec.chainId", "spec.home",
                "spec.running", "spec.genesis", "spec.stateSync");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validatornode-minimal.yaml", "validatornode-full.yaml", "validatornode-omniphid.yaml"})
    void everySamplePassesOnCreateAndOnAnUnchangedUpdate(String sample) throws Exception {
        Map<String, Object> node = sample(sample);
        assertThat(violations(node, null)).isEmpty();
        assertThat(violations(node, node)).isEmpty();
    }

    @Test
    void theKeysHomeTheChainAndTheSetupCannotChange() throws Exception {
        Map<String, Object> old = sample("validatornode-omniphid.yaml");
        assertThat(violations(changed(old, spec -> spec.put("home", "/data/elsewhere")), old))
                .containsExactly("spec.home: home is immutable: the consensus key lives there");
        assertThat(violations(changed(old, spec -> spec.put("chainId", "other-chain-2")), old))
                .containsExactly("spec.chainId: chainId is immutable");
        assertThat(violations(changed(old, spec -> spec.put("setupRequestId", "another-setup")), old))
                .containsExactly("spec.setupRequestId: setupRequestId is immutable");
        // other fields may change: a new image is how an operator upgrades the binary
        assertThat(violations(changed(old, spec -> spec.put("image", "ghcr.io/omniphi/omniphid:v1.0.1")), old))
                .isEmpty();
    }

    @Test
    void aStoppedNodeCannotBeTurnedBackOnNotEvenByLeavingTheFieldOut() throws Exception {
        Map<String, Object> running = sample("validatornode-full.yaml");
        Map<String, Object> stopped = changed(running, spec -> spec.put("running", false));
        assertThat(violations(stopped, running)).as("stopping").isEmpty();
        assertThat(violations(stopped, stopped)).as("staying stopped").isEmpty();
        String refused = "spec.running: a stopped node stays stopped: its setup has ended; apply a new ValidatorNode"
                + " (new name and setupRequestId) to run a validator again";
        assertThat(violations(changed(stopped, spec -> spec.put("running", true)), stopped)).containsExactly(refused);
        // kubectl apply of a file without the field: the schema default (true) fills it in before validation
        assertThat(violations(changed(stopped, spec -> spec.remove("running")), stopped)).containsExactly(refused);
        // a new ValidatorNode may start stopped or running
        assertThat(violations(stopped, null)).isEmpty();
    }

    @Test
    void genesisAndStateSyncMustBeComplete() throws Exception {
        Map<String, Object> node = sample("validatornode-omniphid.yaml");
        assertThat(violations(changed(node, spec -> genesis(spec).put("url", "https://example.org/genesis.json")),
                null)).containsExactlyInAnyOrder("spec.genesis: set exactly one of url or configMap",
                        "spec.genesis: a genesis url needs its sha256");
        assertThat(violations(changed(node, spec -> {
            genesis(spec).remove("configMap");
            genesis(spec).put("url", "https://example.org/genesis.json");
            genesis(spec).put("sha256", "ab".repeat(32));
        }), null)).isEmpty();
        assertThat(violations(changed(node, spec -> genesis(spec).remove("configMap")), null))
                .containsExactly("spec.genesis: set exactly one of url or configMap");
        assertThat(violations(changed(node, spec -> stateSync(spec).remove("fromReferenceRpc")), null))
                .containsExactly("spec.stateSync: state sync needs rpcServers or fromReferenceRpc");
        assertThat(violations(changed(node, spec -> {
            stateSync(spec).remove("fromReferenceRpc");
            stateSync(spec).put("rpcServers", List.of("http://a:26657", "http://b:26657"));
        }), null)).isEmpty();
        assertThat(violations(changed(node, spec -> {
            stateSync(spec).remove("fromReferenceRpc");
            stateSync(spec).put("enabled", false);
        }), null)).isEmpty();
    }

    // --- the API server's evaluation, as described in the class comment

    record Rule(String where, List<String> path, String expression, String message) {
    }

    /** The messages of the rules the object breaks, each prefixed with where it applies. */
    private static List<String> violations(Map<String, Object> object, Map<String, Object> old) throws Exception {
        JSONSchemaProps schema = schema();
        Object fresh = cel(withDefaults(object, schema));
        Object previous = old == null ? null : cel(withDefaults(old, schema));
        List<String> broken = new ArrayList<>();
        for (Rule rule : rules()) {
            Optional<Object> self = at(fresh, rule.path());
            if (self.isEmpty()) {
                continue;
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("self", self.get());
            if (rule.expression().contains("oldSelf")) {
                Optional<Object> oldSelf = previous == null ? Optional.empty() : at(previous, rule.path());
                if (oldSelf.isEmpty()) {
                    continue;
                }
                vars.put("oldSelf", oldSelf.get());
            }
            CelAbstractSyntaxTree ast = COMPILER.compile(rule.expression()).getAst();
            Object result = RUNTIME.createProgram(ast).eval(vars);
            assertThat(result).as("%s evaluates to a bool", rule).isInstanceOf(Boolean.class);
            if (!(Boolean) result) {
                broken.add(rule.where() + ": " + rule.message());
            }
        }
        return broken;
    }

    private static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        collect(schema(), new ArrayList<>(), rules);
        return rules;
    }

    private static void collect(JSONSchemaProps node, List<String> path, List<Rule> into) {
        if (node.getXKubernetesValidations() != null) {
            for (ValidationRule rule : node.getXKubernetesValidations()) {
                into.add(new Rule(String.join(".", path), List.copyOf(path), rule.getRule(), rule.getMessage()));
            }
        }
        if (node.getProperties() != null) {
            node.getProperties().forEach((name, child) -> {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(child, deeper, into);
            });
        }
        // rules under list items would need one evaluation per element; the CRD has none (checked here so a new one
        // is not silently skipped)
        if (node.getItems() != null && node.getItems().getSchema() != null) {
            assertThat(node.getItems().getSchema().getXKubernetesValidations()).as("rules under %s items", path)
                    .isNullOrEmpty();
        }
    }

    /** Schema defaults filled in where a field is absent, as the API server does before validating. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDefaults(Map<String, Object> object, JSONSchemaProps schema) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        if (schema.getProperties() == null) {
            return copy;
        }
        schema.getProperties().forEach((name, child) -> {
            Object value = copy.get(name);
            if (value == null && child.getDefault() != null) {
                copy.put(name, Serialization.unmarshal(child.getDefault().toString(), Object.class));
            } else if (value instanceof Map<?, ?> nested) {
                copy.put(name, withDefaults((Map<String, Object>) nested, child));
            }
        });
        return copy;
    }

    /** JSON numbers as CEL's int (a Java long) or double. */
    private static Object cel(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, cel(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CrdValidationRulesTest::cel).toList();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }

    private static Optional<Object> at(Object root, List<String> path) {
        Object value = root;
        for (String name : path) {
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(name)) {
                return Optional.empty();
            }
            value = map.get(name);
        }
        return Optional.ofNullable(value);
    }

    private static JSONSchemaProps schema() throws IOException {
        try (InputStream in = Files.newInputStream(
                DEPLOY.resolve("crd/validatornodes.validators.omniphi.network-v1.yml"))) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class).getSpec().getVersions().get(0)
                    .getSchema().getOpenAPIV3Schema();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sample(String name) throws IOException {
        try (InputStream in = Files.newInputStream(DEPLOY.resolve("samples").resolve(name))) {
            return Serialization.unmarshal(in, Map.class);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changed(Map<String, Object> object, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = Serialization.unmarshal(Serialization.asJson(object), Map.class);
        edit.accept((Map<String, Object>) copy.get("spec"));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> genesis(Map<String, Object> spec) {
        return (Map<String, Object>) spec.get("genesis");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stateSync(Map<String, Object> spec) {
        return (Map<String, Object>) spec.get("stateSync");
    }
}
