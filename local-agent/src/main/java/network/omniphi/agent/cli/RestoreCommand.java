package network.omniphi.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.EncryptedKeyFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code restore}: a home from a backup; refuses a home that already holds a key. */
@Command(name = "restore", mixinStandardHelpOptions = true, description = "Create a home from an encrypted backup (the backup's passphrase opens it and protects the "
        + "restored key). Refuses a home that already holds a key.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    HomeOption homeOption;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Backup file to read.")
    Path in;

    @Mixin
    NodeIdentityOptions identity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AgentHome home = homeOption.home();
        home.requireNoKey("restore into an empty home");
        identity.check();
        String backup;
        try {
            backup = Files.readString(in);
        } catch (IOException e) {
            throw new AgentException.BadInput("cannot read " + in + ": " + e.getMessage());
        }
        char[] passphrase = Passphrases.existing("the backup " + in);
        SecureRandom random = new SecureRandom();
        try (ConsensusKeyPair key = EncryptedKeyFile.open(backup, passphrase, "the backup " + in)) {
            home.createDirectories();
            home.createKeyFile(EncryptedKeyFile.seal(key, passphrase, EncryptedKeyFile.Purpose.CONSENSUS_KEY,
                    random));
            identity.initialState().save(home);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("restored consensus key %s (validator address %s) into %s%n", key.publicKeyBase64(),
                    key.validatorAddress(), home.root());
            out.println("before you run it here, stop the agent on every other machine that has this key "
                    + "(two signers double-sign; see local-agent.md, 'Moving to another machine')");
            out.flush();
            return 0;
        } finally {
            Passphrases.wipe(passphrase);
        }
    }
}
