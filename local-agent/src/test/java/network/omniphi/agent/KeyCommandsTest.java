package network.omniphi.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.omniphi.agent.domain.ExitCode;

/** init, status, backup and restore as a user runs them: real processes, passphrase from the environment. */
class KeyCommandsTest {

    @TempDir
    Path dir;

    @Test
    void initEncryptsTheKeyRefusesToOverwriteItAndStatusNeedsThePassphrase() throws Exception {
        Path home = dir.resolve("home");
        AgentCli.Result init = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString());
        assertThat(init.exitCode()).as(init.out()).isZero();
        String pub = Base64Key.of(KeyMaterial.publicKeyOf(home));
        assertThat(init.out()).contains("created consensus key " + pub);

        Path keyFile = home.resolve("consensus-key.enc.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        KeyMaterial.assertNoPlaintextKey(home);
        String before = Files.readString(keyFile);

        AgentCli.Result wrong = AgentCli.withPassphrase("not the passphrase", "status", "--home", home.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.WRONG_PASSPHRASE.code());
        assertThat(wrong.out()).contains("wrong passphrase").doesNotContain(pub);

        AgentCli.Result none = AgentCli.run(Map.of(), "status", "--home", home.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(none.out()).contains("set OMNIPHI_AGENT_PASSPHRASE");

        AgentCli.Result again = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.KEY_EXISTS.code());
        assertThat(again.out()).contains("already exists").contains(pub);
        assertThat(Files.readString(keyFile)).isEqualTo(before);

        AgentCli.Result status = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "status", "--home", home.toString());
        assertThat(status.exitCode()).as(status.out()).isZero();
        assertThat(status.out()).contains("consensus pubkey:   " + pub).contains("passphrase OK")
                .contains("chain id:           omniphi-devnet-1").contains("agent running:      no");
        KeyMaterial.assertNoPlaintextKey(home);
    }

    @Test
    void refusesAShortPassphrase() throws Exception {
        AgentCli.Result r = AgentCli.withPassphrase("short", "init", "--home", dir.resolve("h").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.out()).contains("at least 8 characters");
        assertThat(dir.resolve("h")).doesNotExist();
    }

    @Test
    void backupRestoresTheSameKeyIntoAnEmptyHomeOnly() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("backup.json");
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString()).exitCode())
                .isZero();
        AgentCli.Result b = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "backup", "--home", home.toString(),
                "--out", backup.toString());
        assertThat(b.exitCode()).as(b.out()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        byte[] seed = KeyMaterial.seedOf(home);
        byte[] pub = KeyMaterial.publicKeyOf(home);
        assertThat(KeyMaterial.filesHoldingSecret(dir, seed, pub)).isEmpty();
        assertThat(Files.readString(backup)).contains("\"purpose\":\"backup\"")
                .isNotEqualTo(Files.readString(home.resolve("consensus-key.enc.json")));

        AgentCli.Result overwrite = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "backup", "--home",
                home.toString(), "--out", backup.toString());
        assertThat(overwrite.exitCode()).isEqualTo(ExitCode.KEY_EXISTS.code());

        Path other = dir.resolve("other-machine");
        AgentCli.Result wrong = AgentCli.withPassphrase("not the passphrase", "restore", "--home", other.toString(),
                "--in", backup.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.WRONG_PASSPHRASE.code());
        assertThat(other.resolve("consensus-key.enc.json")).doesNotExist();

        AgentCli.Result restored = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "restore", "--home",
                other.toString(), "--in", backup.toString());
        assertThat(restored.exitCode()).as(restored.out()).isZero();
        assertThat(restored.out()).contains("restored consensus key " + Base64Key.of(pub))
                .contains("stop the agent on every other machine");
        assertThat(KeyMaterial.seedOf(other)).isEqualTo(seed);
        KeyMaterial.assertNoPlaintextKey(other);

        AgentCli.Result twice = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "restore", "--home", home.toString(),
                "--in", backup.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCode.KEY_EXISTS.code());
        assertThat(twice.out()).contains("already exists").contains(Base64Key.of(pub))
                .contains("restore into an empty home");
    }

    @Test
    void initAndRestoreTakeTheSameNodeIdentityOptions() throws Exception {
        Path home = dir.resolve("home");
        Path backup = dir.resolve("backup.json");
        String tooLong = "m".repeat(71); // cosmos-sdk x/staking MaxMonikerLength is 70
        AgentCli.Result refused = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString(),
                "--moniker", tooLong);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.out()).contains("--moniker must be 1-70 bytes");
        assertThat(home).doesNotExist();

        AgentCli.Result init = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "init", "--home", home.toString(),
                "--moniker", "orion-east", "--chain-id", "omniphi-testnet-2");
        assertThat(init.exitCode()).as(init.out()).isZero();
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "status", "--home", home.toString()).out())
                .contains("chain id:           omniphi-testnet-2").contains("moniker:            orion-east");
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "backup", "--home", home.toString(), "--out",
                backup.toString()).exitCode()).isZero();

        Path other = dir.resolve("other-machine");
        AgentCli.Result badRestore = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "restore", "--home",
                other.toString(), "--in", backup.toString(), "--moniker", tooLong);
        assertThat(badRestore.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(other.resolve("consensus-key.enc.json")).doesNotExist();
        AgentCli.Result restored = AgentCli.withPassphrase(AgentCli.PASSPHRASE, "restore", "--home",
                other.toString(), "--in", backup.toString(), "--moniker", "orion-west");
        assertThat(restored.exitCode()).as(restored.out()).isZero();
        assertThat(AgentCli.withPassphrase(AgentCli.PASSPHRASE, "status", "--home", other.toString()).out())
                .contains("chain id:           omniphi-devnet-1").contains("moniker:            orion-west");
    }

    /** Standard base64 of a public key, as the agent prints it. */
    static final class Base64Key {
        static String of(byte[] pub) {
            return java.util.Base64.getEncoder().encodeToString(pub);
        }
    }
}
