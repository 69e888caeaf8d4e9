package network.omniphi.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The metrics contract between a service and deploy/'s alerts and dashboard: the names listed in
 * deploy/monitoring/required-metrics/&lt;service&gt;.txt must appear on the service's /q/metrics.
 */
public final class MetricsContract {

    private MetricsContract() {
    }

    /** Metric names the deploy/ alerts and dashboard use from the service (run from the service's module folder). */
    public static List<String> required(String service) throws IOException {
        Path list = Path.of("..", "deploy", "monitoring", "required-metrics", service + ".txt");
        return Files.readAllLines(list).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Metric names present in a Prometheus text exposition. */
    public static Set<String> exported(String prometheusText) {
        return prometheusText.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
