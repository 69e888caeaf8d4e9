package network.omniphi.provisioning.devscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import network.omniphi.provisioning.infra.local.NodeLauncher;

/**
 * {@code ./dev down} ends the node processes of this checkout by the pid files the local runtime writes into each node
 * home, and nothing else: a process that merely looks like a node (the old {@code pkill -f} match), and a pid file
 * whose pid now runs something with another home (a recycled pid), are left alone.
 */
class DevDownTest {

    private static final Path DEV = Path.of("..", "dev").toAbsolutePath().normalize();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void downStopsTheTrackedNodeAndLeavesLookAlikesAndRecycledPidsAlone() throws Exception {
        Path run = Files.createTempDirectory(Path.of("target"), "dev-down").toAbsolutePath();
        Path ours = Files.createDirectories(run.resolve("nodes/ovn-ours"));
        Path recycled = Files.createDirectories(run.resolve("nodes/ovn-recycled"));
        // another checkout: nothing of this checkout (its root or run folder) in its command line
        Path elsewhere = Files.createTempDirectory("other-checkout").toAbsolutePath();

        Process node = fakeNode(ours);
        Process lookAlike = fakeNode(elsewhere.resolve("nodes/ovn-foreign"));
        Files.writeString(ours.resolve(NodeLauncher.PID_FILE), node.pid() + "\n");
        Files.writeString(recycled.resolve(NodeLauncher.PID_FILE), lookAlike.pid() + "\n");
        // a service pid file whose pid now belongs to a process outside this checkout
        Files.createDirectories(run.resolve("pids"));
        Files.writeString(run.resolve("pids/api-gateway.pid"), lookAlike.pid() + "\n");

        ProcessBuilder down = new ProcessBuilder(DEV.toString(), "down").redirectErrorStream(true);
        down.environment().put("OMNIPHI_RUN_DIR", run.toString());
        down.environment().remove("OMNIPHI_TEST_SLOT");
        Process p = down.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        await().atMost(Duration.ofSeconds(15)).until(() -> !node.isAlive());
        assertThat(lookAlike.isAlive()).as(output).isTrue();
        assertThat(ours.resolve(NodeLauncher.PID_FILE)).doesNotExist();
        assertThat(output).contains("stopped node ovn-ours (pid " + node.pid() + ")").doesNotContain("api-gateway");
    }

    /** A long-running process whose command line looks like a node started with {@code --home home}. */
    private Process fakeNode(Path home) throws IOException {
        Process p = new ProcessBuilder("python3", "-c", "import time; time.sleep(600)", NodeLauncher.MAIN_CLASS,
                "start", "--home", home.toString(), "--rpc-port", "1").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }
}
