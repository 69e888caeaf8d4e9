package network.omniphi.devnet.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import network.omniphi.devnet.api.codec.ProtoTxCodec;
import network.omniphi.devnet.domain.ChainEngine;
import network.omniphi.devnet.domain.ChainParams;
import network.omniphi.devnet.domain.Genesis;

/** A chain engine for unit tests: alice (#0), bob (#1), carol (#2) funded; one genesis validator of power 100. */
public final class TestChain {

    public static final String CHAIN_ID = "omniphi-devnet-1";
    public static final BigInteger FUNDS = new BigInteger("1000000000000");
    public static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    private TestChain() {
    }

    public static ChainParams params(int maxValidators) {
        return new ChainParams(CHAIN_ID, "omniphi", maxValidators, new BigDecimal("0.05"), Duration.ofDays(21), 100,
                new BigDecimal("0.5"), Duration.ofMinutes(10), new BigDecimal("0.025"), 1000,
                network.omniphi.devnet.domain.tx.AminoDecForm.DECIMAL, true,
                network.omniphi.devnet.domain.Liveness.Mode.SEEN);
    }

    public static ChainEngine create(ChainParams params, Genesis genesis) {
        return new ChainEngine(params, genesis, new ProtoTxCodec(),
                Clock.fixed(GENESIS.plusSeconds(1), ZoneOffset.UTC));
    }

    /** The genesis of {@link #create(int)}: alice, bob, carol funded, one genesis validator. */
    public static Genesis genesis() {
        return new Genesis(GENESIS, List.of(
                new Genesis.FundedAccount(TestSigner.named("alice").account(), FUNDS),
                new Genesis.FundedAccount(TestSigner.named("bob").account(), FUNDS),
                new Genesis.FundedAccount(TestSigner.named("carol").account(), FUNDS)),
                List.of(new Genesis.GenesisValidator("genesis-0", 100)));
    }

    public static ChainEngine create(int maxValidators) {
        Genesis genesis = new Genesis(GENESIS, List.of(
                new Genesis.FundedAccount(TestSigner.named("alice").account(), FUNDS),
                new Genesis.FundedAccount(TestSigner.named("bob").account(), FUNDS),
                new Genesis.FundedAccount(TestSigner.named("carol").account(), FUNDS)),
                List.of(new Genesis.GenesisValidator("genesis-0", 100)));
        return new ChainEngine(params(maxValidators), genesis, new ProtoTxCodec(),
                Clock.fixed(GENESIS.plusSeconds(1), ZoneOffset.UTC));
    }
}
