package network.omniphi.devnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeHomeTest {

    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @TempDir
    Path dir;

    @Test
    void initCreatesCometBftKeyFileOnceAndKeepsItOnLaterInits() throws Exception {
        NodeHome home = new NodeHome(dir.resolve("n1"));

        assertThat(home.init("alice", "omniphi-devnet-1")).isTrue();
        String first = Files.readString(home.validatorKeyFile());
        assertThat(home.init("alice", "omniphi-devnet-1")).isFalse();
        assertThat(new NodeHome(dir.resolve("n1")).init("bob", "other")).isFalse();

        assertThat(Files.readString(home.validatorKeyFile())).isEqualTo(first);
        assertThat(home.moniker()).isEqualTo("alice");
        assertThat(home.chainId()).isEqualTo("omniphi-devnet-1");
        try (var files = Files.list(home.root().resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("priv_validator_key.json", "node_key.json", "config.toml",
                            "genesis.json");
        }
    }

    @Test
    void keyFileHasCometBftShapeAndAConsistentKeyPair() throws Exception {
        NodeHome home = new NodeHome(dir.resolve("n2"));
        home.init("alice", "omniphi-devnet-1");
        Object json = Json.parse(Files.readString(home.validatorKeyFile()));

        byte[] pub = Base64.getDecoder().decode(Json.string(json, "pub_key", "value"));
        byte[] priv = Base64.getDecoder().decode(Json.string(json, "priv_key", "value"));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(pub);

        assertThat(Json.string(json, "pub_key", "type")).isEqualTo("tendermint/PubKeyEd25519");
        assertThat(Json.string(json, "priv_key", "type")).isEqualTo("tendermint/PrivKeyEd25519");
        assertThat(pub).hasSize(32);
        assertThat(priv).hasSize(64);
        assertThat(Arrays.copyOfRange(priv, 32, 64)).isEqualTo(pub);
        assertThat(Json.string(json, "address"))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(hash, 20)));
        assertThat(verifies(Arrays.copyOf(priv, 32), pub)).isTrue();
        assertThat(home.consensusKey().publicKeyBase64()).isEqualTo(Json.string(json, "pub_key", "value"));
    }

    @Test
    void keyFilesAre0600AndDirectories0700() throws Exception {
        NodeHome home = new NodeHome(dir.resolve("n3"));
        home.init("alice", "omniphi-devnet-1");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.validatorKeyFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.nodeKeyFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.root())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.root().resolve("config"))))
                .isEqualTo("rwx------");
        assertThat(Files.readString(home.configFile())).contains("double_sign_check_height = 10");
        try (var files = Files.list(home.root().resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void twoKeysAreDifferent() {
        NodeHome a = new NodeHome(dir.resolve("a"));
        NodeHome b = new NodeHome(dir.resolve("b"));
        a.init("a", "c");
        b.init("b", "c");
        assertThat(a.consensusKey().publicKeyBase64()).isNotEqualTo(b.consensusKey().publicKeyBase64());
        assertThat(a.nodeKey().nodeId()).hasSize(40).isNotEqualTo(a.consensusKey().nodeId());
    }

    private static boolean verifies(byte[] seed, byte[] pub) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(factory.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed))));
        byte[] message = "omniphi".getBytes();
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(factory.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, pub))));
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
