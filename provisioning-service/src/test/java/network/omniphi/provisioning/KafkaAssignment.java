package network.omniphi.provisioning;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

import network.omniphi.testsupport.KafkaTopicReader;

/**
 * Test consumers use a fresh group that starts at the end of the topics (events other suites left on the shared
 * broker are not replayed); tests wait until the group owns its partitions before they send.
 */
public final class KafkaAssignment {

    public static final String GROUP = "provisioning-test-" + UUID.randomUUID();

    private KafkaAssignment() {
    }

    public static Map<String, String> config() {
        return Map.of("mp.messaging.incoming.setup-requested.group.id", GROUP,
                "mp.messaging.incoming.stop-requested.group.id", GROUP,
                "mp.messaging.incoming.setup-requested.auto.offset.reset", "latest",
                "mp.messaging.incoming.stop-requested.auto.offset.reset", "latest");
    }

    /** Waits until the group's members hold partitions of both command topics. */
    public static void awaitAssigned() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopicReader.BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(java.util.List.of(GROUP))
                                .all().get().get(GROUP);
                        long topics = group.members().stream()
                                .flatMap(m -> m.assignment().topicPartitions().stream())
                                .map(tp -> tp.topic()).distinct().count();
                        return topics == 2;
                    });
        }
    }
}
