package network.omniphi.devnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The node's vote is an ed25519 signature by its consensus key over the devnet's vote bytes, sent once per height. */
class VoterTest {

    @Test
    void votesOncePerHeightWhenInSyncWithASignatureTheKeyVerifies() throws Exception {
        List<String> bodies = new ArrayList<>();
        HttpServer chain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        chain.createContext("/consensus/vote", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        chain.start();
        try {
            ConsensusKey key = ConsensusKey.generate();
            String file = key.toFileJson();
            Voter voter = new Voter("http://127.0.0.1:" + chain.getAddress().getPort(), "omniphi-devnet-1",
                    () -> file, key.publicKeyBase64());

            voter.vote(new ChainFollower.Snapshot(41, "t", true));
            voter.vote(new ChainFollower.Snapshot(42, "t", false));
            voter.vote(new ChainFollower.Snapshot(42, "t", false));

            assertThat(bodies).hasSize(1);
            Object vote = Json.parse(bodies.get(0));
            assertThat(Json.string(vote, "height")).isEqualTo("42");
            assertThat(Json.string(vote, "pubKey")).isEqualTo(key.publicKeyBase64());
            Signature verifier = Signature.getInstance("Ed25519");
            byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100");
            byte[] spki = new byte[44];
            System.arraycopy(x509, 0, spki, 0, 12);
            System.arraycopy(Base64.getDecoder().decode(key.publicKeyBase64()), 0, spki, 12, 32);
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            verifier.update("omniphi-devnet/vote/v1/omniphi-devnet-1/42".getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verify(Base64.getDecoder().decode(Json.string(vote, "signature")))).isTrue();
        } finally {
            chain.stop(0);
        }
    }
}
