package network.omniphi.agent.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.EncryptedKeyFile;
import network.omniphi.agent.infra.KeyFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backup}: an encrypted copy of the consensus key that the user keeps somewhere safe. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Write an encrypted backup of the consensus key (same passphrase, fresh salt and nonce). "
        + "Never overwrites an existing file.")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    HomeOption homeOption;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Backup file to create.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AgentHome home = homeOption.home();
        String keyFile = home.readKeyFile();
        char[] passphrase = Passphrases.existing("the consensus key in " + home.root());
        try (ConsensusKeyPair key = EncryptedKeyFile.open(keyFile, passphrase, "the consensus key file")) {
            String sealed = EncryptedKeyFile.seal(key, passphrase, EncryptedKeyFile.Purpose.BACKUP,
                    new SecureRandom());
            try {
                KeyFiles.createOnce(out, sealed);
            } catch (FileAlreadyExistsException e) {
                throw new AgentException.KeyExists(out + " already exists; choose another file");
            } catch (IOException e) {
                throw new AgentException.BadInput("cannot write " + out + ": " + e.getMessage());
            }
            spec.commandLine().getOut().printf("backup of %s written to %s (encrypted with the same passphrase; "
                    + "store it off this machine)%n", key.publicKeyBase64(), out.toAbsolutePath());
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            Passphrases.wipe(passphrase);
        }
    }
}
