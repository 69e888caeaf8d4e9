package network.omniphi.agent;

import java.io.PrintWriter;

import network.omniphi.agent.cli.BackupCommand;
import network.omniphi.agent.cli.InitCommand;
import network.omniphi.agent.cli.RestoreCommand;
import network.omniphi.agent.cli.RunCommand;
import network.omniphi.agent.cli.StatusCommand;
import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code omniphi-agent}: the user-side program that runs a local-mode validator node (docs/local-agent.md). */
@Command(name = "omniphi-agent", mixinStandardHelpOptions = true, versionProvider = AgentMain.Version.class, description = "Runs your Omniphi validator node on this machine, keeps its consensus key encrypted here, "
        + "and reports signed heartbeats.", subcommands = {InitCommand.class, StatusCommand.class, BackupCommand.class,
                RestoreCommand.class,
                RunCommand.class})
public final class AgentMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code (tests call this in-process for the quick commands). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new AgentMain());
        cli.setExecutionExceptionHandler(AgentMain::failure);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (init, status, backup, "
                + "restore, run)");
    }

    private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof AgentException agent) {
            err.println("error: " + agent.getMessage());
            err.flush();
            return agent.exitCode().code();
        }
        err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.flush();
        return ExitCode.FAILURE.code();
    }

    /** The version from the jar manifest (the Maven project version), or "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AgentMain.class.getPackage().getImplementationVersion();
            return new String[]{"omniphi-agent " + (v == null ? "dev" : v)};
        }
    }
}
