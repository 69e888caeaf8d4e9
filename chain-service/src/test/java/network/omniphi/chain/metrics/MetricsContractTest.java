package network.omniphi.chain.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric the deploy/ alerts and dashboard use from this service (deploy/monitoring/required-metrics/chain-service.txt)
 * is exported on /q/metrics of the running application.
 */
@QuarkusTest
class MetricsContractTest {

    private static final Path REQUIRED = Path.of("..", "deploy", "monitoring", "required-metrics", "chain-service.txt");

    @Test
    void exportsEveryMetricTheAlertsAndDashboardUse() throws IOException {
        List<String> required = Files.readAllLines(REQUIRED).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(required).isNotEmpty();
        given().get("/metrics-contract-warm-up").then().extract().statusCode(); // one app request for http_server_*
        // beans with scheduled refreshes register their meters when first triggered (about 1 s after start-up)
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(
                () -> assertThat(exported()).containsAll(required));
    }

    private static Set<String> exported() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
