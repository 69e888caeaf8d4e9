package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.TrackedTx;
import network.omniphi.chain.domain.model.TxLookup;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.UnjailMsg;
import network.omniphi.chain.domain.model.ValidatorChange;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;
import network.omniphi.chain.domain.port.SetupTxStore;

/**
 * How each submitted tx is settled (issue 15 items 2 and 3), with the chain and the store as fakes: a lookup that
 * fails leaves that tx for the next round and the others are settled; with no tx index (CometBFT
 * {@code tx_index.indexer = "null"}: GetTx answers Unknown) a used sequence settles it by its effect (cosmos-sdk v0.50
 * {@code x/auth/ante/sigverify.go} IncrementSequenceDecorator runs for included txs whatever their messages do); past
 * its {@code timeout_height} ({@code x/auth/ante/basic.go} TxTimeoutHeightDecorator) it can no longer be included.
 */
class TxSettlementTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String WALLET = "omni1wallet";
    private static final String OPERATOR = "omnivaloper1op";

    private final Map<String, Object> lookups = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, ValidatorState> validators = new HashMap<>();
    private final List<TrackedTx> pending = new ArrayList<>();
    private final Map<String, String> settled = new HashMap<>();
    private long height = 100;

    private final TrackingService tracking = new TrackingService(chain(), store(), null,
            new BlockTimeEstimator(Duration.ofSeconds(1)), Clock.fixed(NOW, ZoneOffset.UTC),
            new TrackingService.TrackingSettings(Duration.ofMinutes(2)), new Addresses("omni", "omnivaloper"),
            (operator, budget) -> {
            });

    @Test
    void eachTxSettlesOnItsOwnAndAFailedLookupWaitsForTheNextRound() {
        pending.add(tx("A", 1, 110, "create_validator"));
        pending.add(tx("B", 2, 110, "create_validator"));
        pending.add(tx("C", 3, 110, "create_validator"));
        lookups.put("A", new IllegalStateException("node unreachable"));
        lookups.put("B", new TxLookup.Included(new TxResult("B", 99, 0, "", "")));
        lookups.put("C", new TxLookup.Included(new TxResult("C", 99, 4, "staking", "validator already exist")));

        assertThat(round()).isEqualTo(2);
        assertThat(settled).containsOnlyKeys("B", "C").containsEntry("B", "confirmed")
                .containsEntry("C", "failed VALIDATOR_EXISTS 4 staking");
    }

    @Test
    void withoutATxIndexAUsedSequenceSettlesTheTxByItsEffect() {
        TrackedTx create = tx("D", 5, 110, "create_validator");
        TrackedTx unjail = tx("E", 6, 110, UnjailMsg.KIND);
        pending.addAll(List.of(create, unjail));
        lookups.put("D", new TxLookup.IndexUnavailable("transaction indexing is disabled"));
        lookups.put("E", new TxLookup.IndexUnavailable("transaction indexing is disabled"));
        accounts.put(WALLET, new Account(7, 6));
        validators.put(OPERATOR, validator(false));

        // sequence 6 is the next one: D (5) was used, E (6) not yet
        assertThat(round()).isEqualTo(1);
        assertThat(settled).containsOnly(Map.entry("D", "confirmed"));

        // E's sequence used, but the validator is still jailed: the unjail failed in the block
        settled.clear();
        pending.remove(create);
        accounts.put(WALLET, new Account(7, 7));
        validators.put(OPERATOR, validator(true));
        assertThat(round()).isEqualTo(1);
        assertThat(settled).containsOnly(Map.entry("E", "failed TX_FAILED_IN_BLOCK 0 "));
    }

    @Test
    void pastItsTimeoutHeightATxIsNotIncludedAndBeforeItItWaits() {
        pending.add(tx("F", 8, 110, "create_validator"));
        lookups.put("F", new TxLookup.NotFound());
        height = 110;
        assertThat(round()).isZero();
        assertThat(settled).isEmpty();

        height = 111;
        assertThat(round()).isEqualTo(1);
        assertThat(settled).containsOnly(Map.entry("F", "failed TX_NOT_INCLUDED 0 "));
    }

    @Test
    void withoutIndexAndUnusedSequenceTheTimeoutHeightStillDecides() {
        pending.add(tx("G", 9, 120, UnjailMsg.KIND));
        lookups.put("G", new TxLookup.IndexUnavailable("transaction indexing is disabled"));
        accounts.put(WALLET, new Account(7, 9));
        height = 121;
        assertThat(round()).isEqualTo(1);
        assertThat(settled).containsOnly(Map.entry("G", "failed TX_NOT_INCLUDED 0 "));
    }

    private int round() {
        return tracking.pollTxs().await().atMost(Duration.ofSeconds(10));
    }

    private static TrackedTx tx(String hash, long sequence, long timeoutHeight, String kind) {
        return new TrackedTx(hash, "setup-" + hash, OPERATOR, NOW.minusSeconds(10), WALLET, sequence, timeoutHeight,
                kind);
    }

    private static ValidatorState validator(boolean jailed) {
        return new ValidatorState(OPERATOR, "AAAA", jailed, jailed ? BondStatus.UNBONDING : BondStatus.BONDED,
                BigInteger.valueOf(2_000_000_000L), null, "moniker");
    }

    private ChainPort chain() {
        return fake(ChainPort.class, (name, args) -> switch (name) {
            case "head" -> Uni.createFrom().item(new ChainHead("omniphi-devnet-1", height, NOW));
            case "tx" -> {
                Object answer = lookups.get((String) args[0]);
                yield answer instanceof Throwable t ? Uni.createFrom().failure(t) : Uni.createFrom().item(answer);
            }
            case "account" -> Uni.createFrom().item(Optional.ofNullable(accounts.get((String) args[0])));
            case "validator" -> Uni.createFrom().item(Optional.ofNullable(validators.get((String) args[0])));
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private SetupTxStore store() {
        return fake(SetupTxStore.class, (name, args) -> switch (name) {
            case "pendingTxs" -> Uni.createFrom().item(List.copyOf(pending));
            case "confirmed" -> {
                settled.put(((TrackedTx) args[0]).txHash(), "confirmed");
                yield Uni.createFrom().voidItem();
            }
            case "failed" -> {
                ValidatorChange.TxFailed f = (ValidatorChange.TxFailed) args[1];
                settled.put(((TrackedTx) args[0]).txHash(), "failed " + f.errorCode() + " " + f.code() + " "
                        + f.codespace());
                yield Uni.createFrom().voidItem();
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private interface Answer {
        Object call(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.call(method.getName(), args);
                });
    }
}
