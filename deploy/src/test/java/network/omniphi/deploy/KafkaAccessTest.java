package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Each service's KafkaUser allows exactly what the service does: Write on the topics its code puts into the outbox
 * (found in its sources as {@code Topics.X} next to an outbox write) and on the {@code .dlq} of every topic it reads,
 * Read on the topics its incoming channels read (application.properties) and on its consumer group — nothing more.
 */
class KafkaAccessTest {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Map<String, String> TOPICS = Map.of("SETUP_REQUESTED", "validator.setup.requested",
            "STOP_REQUESTED", "validator.stop.requested", "NODE_EVENTS", "validator.node.events", "CHAIN_EVENTS",
            "validator.chain.events", "HEARTBEAT_EVENTS", "validator.heartbeat.events", "CONSENSUS_KEY_LINKED",
            "validator.consensus-key.linked");

    /** Overlays that run the bundled Strimzi Kafka (components/external-kafka leaves users and ACLs to the platform). */
    static Stream<String> overlays() {
        return Manifests.overlays().filter(o -> !Manifests.render(o).generic("Kafka").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceMayWriteAndReadExactlyWhatItsCodeWritesAndReads(String overlay) throws IOException {
        Manifests.Rendered r = Manifests.render(overlay);
        assertThat(r.generic("KafkaUser")).extracting(u -> u.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (String service : Manifests.SERVICES) {
            GenericKubernetesResource user = r.generic("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(service)).findFirst().orElseThrow();
            assertThat((String) user.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
            Properties app = new Properties();
            try (Reader in = Files.newBufferedReader(
                    REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
                app.load(in);
            }
            Set<String> reads = new TreeSet<>();
            for (String key : app.stringPropertyNames()) {
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                    for (String t : app.getProperty(key).split(",")) {
                        reads.add(t.strip());
                    }
                }
            }
            Set<String> writes = new TreeSet<>(outboxTopics(service));
            reads.forEach(t -> writes.add(t + ".dlq"));
            Set<String> groups = reads.isEmpty()
                    ? Set.of()
                    : Set.of(app.getProperty("mp.messaging.connector.smallrye-kafka.group.id"));

            Map<String, Set<String>> allowed = new HashMap<>();
            List<Map<String, Object>> acls = user.get("spec", "authorization", "acls");
            for (Map<String, Object> acl : acls) {
                Map<?, ?> res = (Map<?, ?>) acl.get("resource");
                assertThat(res.get("patternType")).as("%s: literal names only", service).isEqualTo("literal");
                for (Object op : (List<?>) acl.get("operations")) {
                    allowed.computeIfAbsent(res.get("type") + ":" + op, k -> new TreeSet<>())
                            .add((String) res.get("name"));
                }
            }
            assertThat(allowed.keySet()).as(service).isSubsetOf("topic:Write", "topic:Read", "topic:Describe",
                    "group:Read");
            assertThat(allowed.getOrDefault("topic:Write", Set.of())).as("%s writes", service)
                    .containsExactlyInAnyOrderElementsOf(writes);
            assertThat(allowed.getOrDefault("topic:Read", Set.of())).as("%s reads", service)
                    .containsExactlyInAnyOrderElementsOf(reads);
            assertThat(allowed.getOrDefault("group:Read", Set.of())).as("%s consumer group", service)
                    .containsExactlyInAnyOrderElementsOf(groups);
        }
    }

    /** Topics the service's main code hands to the outbox ({@code OutboxWriter.enqueue(Topics.X, ...)}). */
    private static Set<String> outboxTopics(String service) throws IOException {
        Set<String> topics = new TreeSet<>();
        Pattern use = Pattern.compile("Topics\\.([A-Z_]+)");
        try (Stream<Path> files = Files.walk(REPO.resolve(service).resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                if (!src.contains("OutboxWriter") && !src.contains("outbox")) {
                    continue;
                }
                Matcher m = use.matcher(src);
                while (m.find()) {
                    if (TOPICS.containsKey(m.group(1)) && src.contains(".enqueue(")) {
                        topics.add(TOPICS.get(m.group(1)));
                    }
                }
            }
        }
        assertThat(topics).as("%s writes at least one topic through its outbox", service).isNotEmpty();
        return topics;
    }
}
