package network.omniphi.chain.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.TxDraft;
import network.omniphi.chain.domain.port.ChainPort;
import network.omniphi.chain.domain.port.NodeStatusPort;
import network.omniphi.chain.domain.port.SetupTxStore;
import network.omniphi.chain.domain.port.TxCodec;

/** Use case: build the unsigned MsgCreateValidator tx after the rules and the chain state allow it. */
@ApplicationScoped
public class CreateValidatorTxService {

    private final InputRules inputRules;
    private final ChainPort chain;
    private final NodeStatusPort nodes;
    private final TxCodec codec;
    private final SetupTxStore store;
    private final ChainSettings settings;
    private final BlockTimeEstimator blockTime;

    public CreateValidatorTxService(InputRules inputRules, ChainPort chain, NodeStatusPort nodes, TxCodec codec,
            SetupTxStore store, ChainSettings settings, BlockTimeEstimator blockTime) {
        this.inputRules = inputRules;
        this.chain = chain;
        this.nodes = nodes;
        this.codec = codec;
        this.store = store;
        this.settings = settings;
        this.blockTime = blockTime;
    }

    public Uni<BuiltTx> build(CreateValidatorInput input) {
        return Uni.createFrom().item(() -> inputRules.validate(input))
                .flatMap(cmd -> facts(cmd)
                        .invoke(facts -> KeeperRules.beforeSimulation(cmd, facts, settings))
                        .flatMap(facts -> simulate(cmd, facts)
                                .flatMap(gas -> finish(cmd, facts, gas))));
    }

    private Uni<ChainFacts> facts(CreateValidatorCommand cmd) {
        Uni<Long> nodeHeight = cmd.nodeRpcEndpoint().isEmpty()
                ? Uni.createFrom().nullItem()
                : nodes.latestHeight(cmd.nodeRpcEndpoint());
        return Uni.combine().all()
                .unis(chain.head(), chain.account(cmd.walletAddress()),
                        chain.balance(cmd.walletAddress(), cmd.selfDelegation().denom()),
                        chain.spendable(cmd.walletAddress(), settings.gasDenom()), chain.stakingParams(),
                        chain.slashingParams(), chain.validators(), nodeHeight)
                .with((head, account, balance, spendable, staking, slashing, validators, height) -> {
                    blockTime.observe(head);
                    return new ChainFacts(head, unwrap(account), balance, spendable, staking, slashing, validators,
                            height);
                });
    }

    private static Account unwrap(Optional<Account> account) {
        return account.orElse(null);
    }

    private Uni<Long> simulate(CreateValidatorCommand cmd, ChainFacts facts) {
        TxDraft draft = draft(cmd, facts, 0, new Coin(settings.gasDenom(), java.math.BigInteger.ZERO));
        return chain.simulate(codec.simulationTx(draft));
    }

    private Uni<BuiltTx> finish(CreateValidatorCommand cmd, ChainFacts facts, long simulatedGas) {
        long gas = PreflightCalculator.gasLimit(simulatedGas, settings);
        Coin fee = PreflightCalculator.fee(gas, settings);
        var preflight = KeeperRules.afterSimulation(cmd, facts, fee, settings, blockTime.blockTime());
        TxDraft draft = draft(cmd, facts, gas, fee);
        UnsignedTx tx = UnsignedTx.of(draft, facts.head().chainId(), facts.account().accountNumber(),
                cmd.setupRequestId(), cmd.walletAddress(), codec, settings);
        return store.savePrepared(tx.prepared()).replaceWith(new BuiltTx(tx.signDoc(), tx.aminoSignDoc(), gas, fee,
                preflight, cmd.operatorAddress(), draft.sequence(), cmd.signMode()));
    }

    private TxDraft draft(CreateValidatorCommand cmd, ChainFacts facts, long gas, Coin fee) {
        long timeoutHeight = settings.timeoutHeight(facts.head().height(), blockTime.blockTime());
        return new TxDraft(cmd.toMsg(), cmd.signerPubkey(), facts.account().sequence(), cmd.signMode(), gas, fee, "",
                timeoutHeight);
    }
}
