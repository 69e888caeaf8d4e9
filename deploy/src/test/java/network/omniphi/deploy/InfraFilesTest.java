package network.omniphi.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The infrastructure row outside Kubernetes: {@code infra/docker-compose.yml} (for people with Docker) is accepted by
 * {@code docker-compose config} (Debian's docker-compose package, no engine needed) and creates the topics the local
 * stack creates; the Terraform module ({@code infra/terraform}) parses and is formatted ({@code terraform fmt -check},
 * which reads every file with the HCL parser; its providers are not reachable here, so it is never validated against
 * provider schemas nor applied). Each tool check runs where the tool is installed (see infra/README.md) and is
 * skipped, visibly, elsewhere.
 */
class InfraFilesTest {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE = REPO.resolve("infra/docker-compose.yml");
    private static final Path TERRAFORM = REPO.resolve("infra/terraform");

    @Test
    void dockerComposeAcceptsTheComposeFile() {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (apt-get install -y docker-compose)");
        Manifests.run("docker-compose", "-f", COMPOSE.toString(), "config", "-q");
    }

    @Test
    void theComposeFileRunsEveryServiceAndCreatesTheTopicsTheLocalStackCreates() throws IOException {
        String composeText = Files.readString(COMPOSE);
        String servicesBlock = composeText.substring(composeText.indexOf("\nservices:\n"), composeText.indexOf(
                "\nvolumes:\n"));
        List<String> services = new ArrayList<>();
        Matcher service = Pattern.compile("(?m)^  ([a-z-]+):$").matcher(servicesBlock);
        while (service.find()) {
            services.add(service.group(1));
        }
        assertThat(services).contains("postgres", "kafka", "kafka-topics", "devnet");
        assertThat(services).containsAll(Manifests.SERVICES);
        for (String module : Manifests.SERVICES) {
            assertThat(REPO.resolve(module).resolve("src/main/docker/Dockerfile.jvm")).as("image of %s", module)
                    .exists();
        }
        String dev = Files.readString(REPO.resolve("dev"));
        Matcher loop = Pattern.compile("for t in ([^;]+); do", Pattern.DOTALL).matcher(dev.substring(dev.indexOf(
                "kafka_topics() {")));
        assertThat(loop.find()).as("./dev's topic list").isTrue();
        List<String> devTopics = List.of(loop.group(1).replace("\\\n", " ").trim().split("\\s+"));
        List<String> composeTopics = new ArrayList<>();
        Matcher base = Pattern.compile("for t in ([^;]+); do").matcher(composeText);
        assertThat(base.find()).isTrue();
        for (String t : base.group(1).replace("\\\n", " ").trim().split("\\s+")) {
            composeTopics.add(t);
            composeTopics.add(t + ".dlq");
        }
        assertThat(composeTopics).containsExactlyInAnyOrderElementsOf(devTopics);
    }

    @Test
    void theTerraformModuleParsesAndIsFormatted() throws IOException {
        assumeTrue(onPath("terraform"), "terraform is not installed");
        try (var files = Files.list(TERRAFORM)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("main.tf", "variables.tf", "outputs.tf",
                    "versions.tf");
        }
        Manifests.run("terraform", "fmt", "-check", "-recursive", TERRAFORM.toString());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
