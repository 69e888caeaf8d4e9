package network.omniphi.agent.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import network.omniphi.agent.domain.AgentException;
import network.omniphi.agent.domain.ConsensusKeyPair;

class EncryptedKeyFileTest {

    private static final char[] PASS = "correct horse battery staple".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Test
    void roundTripsAndHoldsNoSecretInTheClear() {
        ConsensusKeyPair key = ConsensusKeyPair.generate(random);
        String sealed = EncryptedKeyFile.seal(key, PASS, EncryptedKeyFile.Purpose.CONSENSUS_KEY, random);

        byte[] seed = key.seedCopy();
        assertThat(sealed).doesNotContain(HexFormat.of().formatHex(seed))
                .doesNotContain(Base64.getEncoder().encodeToString(seed))
                .contains("\"kdf\":{\"algorithm\":\"scrypt\",\"n\":32768,\"r\":8,\"p\":1,\"salt\":\"")
                .contains("\"cipher\":{\"algorithm\":\"aes-256-gcm\",\"nonce\":\"")
                .contains("\"publicKey\":\"" + key.publicKeyBase64() + "\"");
        assertThat(EncryptedKeyFile.publicKeyOf(sealed)).isEqualTo(key.publicKeyBase64());
        try (ConsensusKeyPair opened = EncryptedKeyFile.open(sealed, PASS, "key")) {
            assertThat(opened.seedCopy()).isEqualTo(seed);
            assertThat(opened.publicKeyBase64()).isEqualTo(key.publicKeyBase64());
        }
        String again = EncryptedKeyFile.seal(key, PASS, EncryptedKeyFile.Purpose.CONSENSUS_KEY, random);
        assertThat(again).as("fresh salt and nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aWrongPassphraseIsRefused() {
        ConsensusKeyPair key = ConsensusKeyPair.generate(random);
        String sealed = EncryptedKeyFile.seal(key, PASS, EncryptedKeyFile.Purpose.BACKUP, random);
        assertThatThrownBy(() -> EncryptedKeyFile.open(sealed, "correct horse battery stapl".toCharArray(), "it"))
                .isInstanceOf(AgentException.WrongPassphrase.class).hasMessage("wrong passphrase: it does not open it");
    }

    @Test
    void aChangedHeaderFailsAuthentication() {
        ConsensusKeyPair key = ConsensusKeyPair.generate(random);
        ConsensusKeyPair other = ConsensusKeyPair.generate(random);
        String sealed = EncryptedKeyFile.seal(key, PASS, EncryptedKeyFile.Purpose.CONSENSUS_KEY, random);
        String otherPub = sealed.replace(key.publicKeyBase64(), other.publicKeyBase64());
        assertThatThrownBy(() -> EncryptedKeyFile.open(otherPub, PASS, "it"))
                .isInstanceOf(AgentException.WrongPassphrase.class);
        String backupPurpose = sealed.replace("\"consensus-key\"", "\"backup\"");
        assertThatThrownBy(() -> EncryptedKeyFile.open(backupPurpose, PASS, "it"))
                .isInstanceOf(AgentException.WrongPassphrase.class);
        String cheaper = sealed.replace("\"n\":32768", "\"n\":16384");
        assertThatThrownBy(() -> EncryptedKeyFile.open(cheaper, PASS, "it"))
                .isInstanceOf(AgentException.WrongPassphrase.class);
    }

    @Test
    void refusesCostsThatWouldExhaustMemoryAndForeignFiles() {
        ConsensusKeyPair key = ConsensusKeyPair.generate(random);
        String sealed = EncryptedKeyFile.seal(key, PASS, EncryptedKeyFile.Purpose.CONSENSUS_KEY, random);
        assertThatThrownBy(() -> EncryptedKeyFile.open(sealed.replace("\"n\":32768", "\"n\":4194304"), PASS, "it"))
                .isInstanceOf(AgentException.HomeUnusable.class).hasMessageContaining("scrypt n outside");
        assertThatThrownBy(() -> EncryptedKeyFile.open(sealed.replace("\"version\":1", "\"version\":2"), PASS, "it"))
                .isInstanceOf(AgentException.HomeUnusable.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> EncryptedKeyFile.open(key.cometBftKeyFileJson(), PASS, "it"))
                .isInstanceOf(AgentException.HomeUnusable.class).hasMessage("not an omniphi-agent key file");
        assertThatThrownBy(() -> EncryptedKeyFile.open("{", PASS, "it"))
                .isInstanceOf(AgentException.HomeUnusable.class);
    }

    @Test
    void passphraseIsNormalisedSoTheSameTextOpensTheFile() {
        ConsensusKeyPair key = ConsensusKeyPair.generate(random);
        String composed = "caf\u00e9-passphrase";
        String decomposed = "cafe\u0301-passphrase";
        assertThat(composed.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(decomposed.getBytes(StandardCharsets.UTF_8));
        String sealed = EncryptedKeyFile.seal(key, composed.toCharArray(), EncryptedKeyFile.Purpose.BACKUP, random);
        try (ConsensusKeyPair opened = EncryptedKeyFile.open(sealed, decomposed.toCharArray(), "it")) {
            assertThat(opened.publicKeyBase64()).isEqualTo(key.publicKeyBase64());
        }
    }
}
