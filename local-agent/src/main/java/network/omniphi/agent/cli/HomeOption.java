package network.omniphi.agent.cli;

import java.nio.file.Path;

import network.omniphi.agent.infra.AgentHome;

import picocli.CommandLine.Option;

/** {@code --home DIR}: defaults to $OMNIPHI_AGENT_HOME, else ~/.omniphi-agent. */
public final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR", description = "Agent home (default: $OMNIPHI_AGENT_HOME, else "
            + "~/.omniphi-agent).")
    Path home;

    public AgentHome home() {
        if (home != null) {
            return new AgentHome(home);
        }
        String env = System.getenv("OMNIPHI_AGENT_HOME");
        if (env != null && !env.isBlank()) {
            return new AgentHome(Path.of(env));
        }
        return new AgentHome(Path.of(System.getProperty("user.home"), ".omniphi-agent"));
    }
}
