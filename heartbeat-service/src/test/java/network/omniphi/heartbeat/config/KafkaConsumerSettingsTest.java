package network.omniphi.heartbeat.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer settings every service shares come from commons' {@code META-INF/microprofile-config.properties}, not
 * from each service's own file: the running service sees them.
 */
@QuarkusTest
class KafkaConsumerSettingsTest {

    @Test
    void theServiceUsesTheSharedConsumerSettingsFromCommons() {
        Config config = ConfigProvider.getConfig();

        assertThat(config.getValue("mp.messaging.connector.smallrye-kafka.poll-timeout", Integer.class)).isEqualTo(250);
        assertThat(config.getValue("mp.messaging.connector.smallrye-kafka.session.timeout.ms", Integer.class))
                .isEqualTo(10000);
        assertThat(config.getValue("mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", Integer.class))
                .isEqualTo(3000);
    }
}
