package network.omniphi.agent.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.AgentState;
import network.omniphi.agent.infra.EncryptedKeyFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: opens the key (proving the passphrase) and prints public facts only. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Open the consensus key with your passphrase and print public facts about this home.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    HomeOption homeOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AgentHome home = homeOption.home();
        String keyFile = home.readKeyFile();
        AgentState state = AgentState.load(home);
        char[] passphrase = Passphrases.existing("the consensus key in " + home.root());
        try (ConsensusKeyPair key = EncryptedKeyFile.open(keyFile, passphrase, "the consensus key file")) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("home:               %s%n", home.root());
            out.printf("consensus pubkey:   %s%n", key.publicKeyBase64());
            out.printf("validator address:  %s%n", key.validatorAddress());
            out.printf("key file:           %s (encrypted: scrypt + AES-256-GCM; passphrase OK)%n", home.keyFile());
            out.printf("chain id:           %s%n", state.chainId());
            out.printf("moniker:            %s%n", state.moniker());
            out.printf("linked wallet:      %s%n", orNone(state.walletAddress()));
            out.printf("linked setup:       %s%n", orNone(state.setupRequestId()));
            out.printf("last heartbeat:     %s%n", state.sentHeartbeats().isEmpty()
                    ? "never sent"
                    : "sent at " + state.sentHeartbeats().get(state.sentHeartbeats().size() - 1));
            out.printf("agent running:      %s%n", home.running() ? "yes" : "no");
            out.flush();
            return 0;
        } finally {
            Passphrases.wipe(passphrase);
        }
    }

    private static String orNone(String value) {
        return value == null ? "(none yet: link this node in the portal)" : value;
    }
}
