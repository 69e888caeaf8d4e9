package network.omniphi.agent;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.signers.Ed25519Signer;

import network.omniphi.devnode.NodeMain;

/** Runs {@code omniphi-agent} as a real process with the module's classes (the launcher's JVM options). */
final class AgentCli {

    static final String PASSPHRASE = "correct horse battery staple";

    /** The result of a finished command. */
    record Result(int exitCode, String out) {
    }

    private AgentCli() {
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = start(env, null, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("agent command did not finish: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), out);
    }

    static Result withPassphrase(String passphrase, String... args) throws IOException, InterruptedException {
        return run(Map.of("OMNIPHI_AGENT_PASSPHRASE", passphrase), args);
    }

    /** Starts the agent; its output goes to {@code output} (or a pipe when null). */
    static Process start(Map<String, String> env, Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m", "-cp", classpath(),
                AgentMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().remove("OMNIPHI_AGENT_PASSPHRASE");
        builder.environment().remove("OMNIPHI_AGENT_HOME");
        builder.environment().remove("OMNIPHI_RUN_DIR");
        builder.environment().putAll(env);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        return builder.start();
    }

    static String classpath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : new Class<?>[]{AgentMain.class, picocli.CommandLine.class, Ed25519Signer.class,
                NodeMain.class, network.omniphi.codec.Bech32.class}) {
            try {
                entries.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
