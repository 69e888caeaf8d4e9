package network.omniphi.agent.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.EncryptedKeyFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code init}: a new home with a new consensus key, encrypted; never overwrites a key. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create the agent home and a new ed25519 consensus key on this machine, encrypted with your "
        + "passphrase ($OMNIPHI_AGENT_PASSPHRASE or a prompt). Refuses to touch an existing key.")
public final class InitCommand implements Callable<Integer> {

    @Mixin
    HomeOption homeOption;

    @Mixin
    NodeIdentityOptions identity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AgentHome home = homeOption.home();
        home.requireNoKey("it is never overwritten");
        identity.check();
        char[] passphrase = Passphrases.fresh("the consensus key in " + home.root());
        SecureRandom random = new SecureRandom();
        try (ConsensusKeyPair key = ConsensusKeyPair.generate(random)) {
            home.createDirectories();
            String sealed = EncryptedKeyFile.seal(key, passphrase, EncryptedKeyFile.Purpose.CONSENSUS_KEY, random);
            home.createKeyFile(sealed);
            identity.initialState().save(home);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("created consensus key %s (validator address %s) in %s%n", key.publicKeyBase64(),
                    key.validatorAddress(), home.root());
            out.printf("the key is encrypted with your passphrase; keep a backup: omniphi-agent backup --home %s "
                    + "--out FILE%n", home.root());
            out.flush();
            return 0;
        } finally {
            Passphrases.wipe(passphrase);
        }
    }
}
