package network.omniphi.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import network.omniphi.agent.domain.ConsensusKeyPair;
import network.omniphi.agent.infra.AgentHome;
import network.omniphi.agent.infra.EncryptedKeyFile;

/** Opens a home's key in the test and scans files for the secret in every form it could be written. */
final class KeyMaterial {

    private KeyMaterial() {
    }

    static byte[] seedOf(Path home) throws IOException {
        try (ConsensusKeyPair key = EncryptedKeyFile.open(Files.readString(new AgentHome(home).keyFile()),
                AgentCli.PASSPHRASE.toCharArray(), "test")) {
            return key.seedCopy();
        }
    }

    static byte[] publicKeyOf(Path home) throws IOException {
        try (ConsensusKeyPair key = EncryptedKeyFile.open(Files.readString(new AgentHome(home).keyFile()),
                AgentCli.PASSPHRASE.toCharArray(), "test")) {
            return key.publicKey();
        }
    }

    /** Every regular file under {@code dir} whose bytes hold the seed raw, in hex, or in base64 (alone or + pubkey). */
    static List<Path> filesHoldingSecret(Path dir, byte[] seed, byte[] pub) throws IOException {
        byte[] full = new byte[64];
        System.arraycopy(seed, 0, full, 0, 32);
        System.arraycopy(pub, 0, full, 32, 32);
        List<byte[]> needles = List.of(seed, HexFormat.of().formatHex(seed).getBytes(),
                HexFormat.of().withUpperCase().formatHex(seed).getBytes(),
                Base64.getEncoder().encode(seed), Base64.getEncoder().encode(full),
                // the first 40 base64 characters of seed||pub depend on the seed only
                Base64.getEncoder().encodeToString(full).substring(0, 40).getBytes());
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                if (needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    static void assertNoPlaintextKey(Path home) throws IOException {
        assertThat(filesHoldingSecret(home, seedOf(home), publicKeyOf(home))).as("files with the key in the clear")
                .isEmpty();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
