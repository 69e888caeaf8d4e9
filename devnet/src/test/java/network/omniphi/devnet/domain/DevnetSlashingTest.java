package network.omniphi.devnet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;

import network.omniphi.devnet.api.codec.ProtoTxCodec;
import network.omniphi.devnet.domain.crypto.Ed25519;
import network.omniphi.devnet.domain.tx.AminoDecForm;
import network.omniphi.devnet.testing.CreateValidatorTx;
import network.omniphi.devnet.testing.TestChain;
import network.omniphi.devnet.testing.TestSigner;

import cosmos.tx.signing.v1beta1.SignMode;
import cosmos.tx.v1beta1.AuthInfo;
import cosmos.tx.v1beta1.Fee;
import cosmos.tx.v1beta1.ModeInfo;
import cosmos.tx.v1beta1.SignerInfo;
import cosmos.tx.v1beta1.TxBody;
import cosmos.tx.v1beta1.TxRaw;

/** x/slashing liveness window, jailing and MsgUnjail on the devnet engine (window 10, half signed: 5 misses). */
class DevnetSlashingTest {

    private static final TestSigner ALICE = TestSigner.named("alice");

    @Test
    void aValidatorWithoutVotesIsJailedOnceOverBudgetAndUnjailedAfterTheJailPeriod() {
        ChainEngine chain = TestChain.create(params(Duration.ZERO), TestChain.genesis());
        CreateValidatorTx create = CreateValidatorTx.by(ALICE);
        assertThat(chain.broadcast(create.build()).result().code()).isZero();
        chain.produceBlock();
        chain.produceBlock();
        byte[] consAddress = Ed25519.consensusAddress(create.consensusKey());

        long firstMissed = chain.signingInfo(consAddress).orElseThrow().missedBlocksCounter();
        chain.produceBlock();
        assertThat(chain.signingInfo(consAddress).orElseThrow().missedBlocksCounter()).isEqualTo(firstMissed + 1);
        for (int i = 0; i < 12 && !chain.validator(ALICE.address()).orElseThrow().jailed(); i++) {
            chain.produceBlock();
        }
        assertThat(chain.validator(ALICE.address()).orElseThrow().jailed()).isTrue();
        assertThat(chain.signingInfo(consAddress).orElseThrow().missedBlocksCounter()).isZero();

        byte[] unjail = unjailTx(1);
        assertThat(chain.broadcast(unjail).result().code()).isZero();
        chain.produceBlock();

        assertThat(chain.tx(network.omniphi.devnet.domain.crypto.Hashes.txHash(unjail)).orElseThrow().result()
                .isOk()).isTrue();
        assertThat(chain.validator(ALICE.address()).orElseThrow().jailed()).isFalse();
    }

    @Test
    void unjailBeforeJailedUntilFailsInTheBlockWithSlashing4AndANotJailedOneWith5() {
        ChainEngine chain = TestChain.create(params(Duration.ofHours(1)), TestChain.genesis());
        assertThat(chain.broadcast(CreateValidatorTx.by(ALICE).build()).result().code()).isZero();
        chain.produceBlock();
        byte[] early = unjailTx(1);
        chain.broadcast(early);
        chain.produceBlock();
        assertThat(chain.tx(network.omniphi.devnet.domain.crypto.Hashes.txHash(early)).orElseThrow().result()
                .code()).isEqualTo(5);

        chain.scheduleJail(ALICE.address(), true);
        chain.produceBlock();
        byte[] tooSoon = unjailTx(2);
        chain.broadcast(tooSoon);
        chain.produceBlock();

        var result = chain.tx(network.omniphi.devnet.domain.crypto.Hashes.txHash(tooSoon)).orElseThrow().result();
        assertThat(result.codespace()).isEqualTo("slashing");
        assertThat(result.code()).isEqualTo(4);
        assertThat(chain.validator(ALICE.address()).orElseThrow().jailed()).isTrue();
    }

    @Test
    void aVoteMustBeSignedByTheValidatorsConsensusKey() {
        ChainEngine chain = TestChain.create(params(Duration.ZERO), TestChain.genesis());
        byte[] genesisKey = chain.nodeValidator().consensusKey();
        long height = chain.latestBlock().height();

        ChainException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ChainException.class,
                () -> chain.vote(genesisKey, height, new byte[64]));
        assertThat(refused.rawLog()).startsWith("vote signature does not verify");
    }

    private static ChainParams params(Duration jail) {
        ChainParams p = TestChain.params(5);
        return new ChainParams(p.chainId(), p.bondDenom(), p.maxValidators(), p.minCommissionRate(),
                p.unbondingTime(), 10, new BigDecimal("0.5"), jail, p.minGasPrice(), p.blockHistory(),
                AminoDecForm.DECIMAL, true, Liveness.Mode.VOTES);
    }

    /** MsgUnjail by alice (account 0) with the given sequence, signed direct. */
    private static byte[] unjailTx(long sequence) {
        TxBody body = TxBody.newBuilder().addMessages(Any.pack(cosmos.slashing.v1beta1.MsgUnjail.newBuilder()
                .setValidatorAddr(ALICE.operator()).build(), "")).build();
        AuthInfo auth = AuthInfo.newBuilder().addSignerInfos(SignerInfo.newBuilder()
                .setPublicKey(Any.pack(cosmos.crypto.secp256k1.PubKey.newBuilder()
                        .setKey(ByteString.copyFrom(ALICE.publicKey())).build(), ""))
                .setModeInfo(ModeInfo.newBuilder().setSingle(ModeInfo.Single.newBuilder()
                        .setMode(SignMode.SIGN_MODE_DIRECT)))
                .setSequence(sequence))
                .setFee(Fee.newBuilder().addAmount(cosmos.base.v1beta1.Coin.newBuilder().setDenom("omniphi")
                        .setAmount("5000")).setGasLimit(200_000))
                .build();
        byte[] signBytes = new ProtoTxCodec().directSignBytes(body.toByteArray(), auth.toByteArray(),
                TestChain.CHAIN_ID, 0);
        return TxRaw.newBuilder().setBodyBytes(body.toByteString()).setAuthInfoBytes(auth.toByteString())
                .addSignatures(ByteString.copyFrom(ALICE.sign(signBytes))).build().toByteArray();
    }
}
