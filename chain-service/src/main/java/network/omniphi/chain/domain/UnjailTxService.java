package network.omniphi.chain.domain;

import java.math.BigInteger;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.JailBudget;
import network.omniphi.chain.domain.model.SignDocData;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.chain.domain.model.SigningInfo;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.TxDraft;
import network.omniphi.chain.domain.model.UnjailMsg;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;
import network.omniphi.chain.domain.port.NodeStatusPort;
import network.omniphi.chain.domain.port.SetupTxStore;
import network.omniphi.chain.domain.port.TxCodec;
import network.omniphi.codec.Secp256k1;

/**
 * Use case: build the unsigned MsgUnjail for a setup's validator, only when cosmos-sdk v0.50
 * {@code x/slashing/keeper/unjail.go} would accept it (jailed, not tombstoned, past {@code jailed_until}) and the
 * validator's node is in sync (unjailing a validator whose node cannot sign only gets it jailed again).
 */
@ApplicationScoped
public class UnjailTxService {

    private final ChainPort chain;
    private final NodeStatusPort nodes;
    private final TxCodec codec;
    private final SetupTxStore store;
    private final ChainSettings settings;
    private final BlockTimeEstimator blockTime;
    private final Addresses addresses;

    public UnjailTxService(ChainPort chain, NodeStatusPort nodes, TxCodec codec, SetupTxStore store,
            ChainSettings settings, BlockTimeEstimator blockTime, Addresses addresses) {
        this.chain = chain;
        this.nodes = nodes;
        this.codec = codec;
        this.store = store;
        this.settings = settings;
        this.blockTime = blockTime;
        this.addresses = addresses;
    }

    /** What the caller sends: the setup, its wallet and key, the node to check and the sign mode. */
    public record UnjailInput(String setupRequestId, String walletAddress, byte[] signerPubkey, String nodeRpcEndpoint,
            SignMode signMode) {
    }

    /** The unsigned tx plus the jail state it was built against. */
    public record BuiltUnjailTx(SignDocData signDoc, String aminoSignDoc, long gas, Coin fee, String operatorAddress,
            long sequence, SignMode signMode, JailBudget jailBudget) {
    }

    private record Facts(ChainHead head, Account account, BigInteger spendable, ValidatorState validator,
            SigningInfo signing, SlashingParams slashing, Long nodeHeight) {
    }

    public Uni<BuiltUnjailTx> build(UnjailInput in) {
        String operator = validate(in);
        return chain.validator(operator).flatMap(v -> {
            ValidatorState validator = v.orElseThrow(() -> new ChainException.Refused(
                    ChainError.VALIDATOR_NOT_FOUND, "no validator is operated by " + in.walletAddress()));
            if (!validator.jailed()) {
                throw new ChainException.Refused(ChainError.VALIDATOR_NOT_JAILED,
                        operator + " is not jailed; there is nothing to unjail");
            }
            return facts(in, validator);
        }).invoke(this::check).flatMap(f -> simulate(in, f, operator).flatMap(gas -> finish(in, f, operator, gas)));
    }

    private String validate(UnjailInput in) {
        if (in.setupRequestId() == null || in.setupRequestId().isBlank() || in.setupRequestId().length() > 128) {
            throw ChainException.Invalid.field("setupRequestId", "is required (at most 128 characters)");
        }
        String operator;
        try {
            operator = addresses.operatorOf(in.walletAddress());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ChainException.Invalid.field("walletAddress", "is not a valid " + addresses.accountPrefix()
                    + " address");
        }
        if (in.signerPubkey() == null || !Secp256k1.isValidPublicKey(in.signerPubkey())) {
            throw ChainException.Invalid.field("signerPubkey", "must be a 33-byte compressed secp256k1 public key");
        }
        if (!addresses.accountOf(in.signerPubkey()).equals(in.walletAddress())) {
            throw new ChainException.Invalid(ChainError.WALLET_PUBKEY_MISMATCH, "signerPubkey does not derive"
                    + " walletAddress",
                    List.of(new network.omniphi.commons.error.FieldError("signerPubkey",
                            "does not derive walletAddress")));
        }
        return operator;
    }

    private Uni<Facts> facts(UnjailInput in, ValidatorState validator) {
        String consAddress = addresses.consensusOf(validator.consensusPubkey());
        Uni<Long> nodeHeight = in.nodeRpcEndpoint() == null || in.nodeRpcEndpoint().isBlank()
                ? Uni.createFrom().nullItem()
                : nodes.latestHeight(in.nodeRpcEndpoint());
        return Uni.combine().all().unis(chain.head(), chain.account(in.walletAddress()),
                chain.spendable(in.walletAddress(), settings.gasDenom()), chain.signingInfo(consAddress),
                chain.slashingParams(), nodeHeight)
                .with((head, account, spendable, signing, slashing, height) -> {
                    blockTime.observe(head);
                    return new Facts(head, account.orElseThrow(() -> new ChainException.Refused(
                            ChainError.ACCOUNT_NOT_FOUND, in.walletAddress() + " has no account")), spendable,
                            validator, signing.orElseThrow(() -> new ChainException.Refused(
                                    ChainError.VALIDATOR_NOT_JAILED, "the chain keeps no signing info for "
                                            + consAddress)),
                            slashing, height);
                });
    }

    private void check(Facts f) {
        if (f.signing().tombstoned()) {
            throw new ChainException.Refused(ChainError.VALIDATOR_TOMBSTONED,
                    "the validator is tombstoned (double sign) and can never be unjailed");
        }
        if (f.head().time().isBefore(f.signing().jailedUntil())) {
            throw new ChainException.Refused(ChainError.STILL_JAILED, "the validator is jailed until "
                    + f.signing().jailedUntil() + " (chain time " + f.head().time() + "); try again after it");
        }
        var sync = PreflightCalculator.nodeSync(f.nodeHeight(), f.head().height(), settings.maxNodeLagBlocks());
        if (!sync.inSync()) {
            throw new ChainException.Refused(ChainError.NODE_NOT_SYNCED, "the node is " + sync.lagBlocks()
                    + " blocks behind the chain; unjail once it has caught up, or it is jailed again");
        }
    }

    private Uni<Long> simulate(UnjailInput in, Facts f, String operator) {
        TxDraft draft = draft(in, f, operator, 0, new Coin(settings.gasDenom(), BigInteger.ZERO));
        return chain.simulate(codec.simulationTx(draft));
    }

    private Uni<BuiltUnjailTx> finish(UnjailInput in, Facts f, String operator, long simulated) {
        long gas = PreflightCalculator.gasLimit(simulated, settings);
        Coin fee = PreflightCalculator.fee(gas, settings);
        if (f.spendable().compareTo(fee.amount()) < 0) {
            throw new ChainException.Refused(ChainError.INSUFFICIENT_BALANCE, "spendable balance " + f.spendable()
                    + fee.denom() + " does not cover the fee " + fee);
        }
        TxDraft draft = draft(in, f, operator, gas, fee);
        UnsignedTx tx = UnsignedTx.of(draft, f.head().chainId(), f.account().accountNumber(), in.setupRequestId(),
                in.walletAddress(), codec, settings);
        JailBudget budget = JailBudget.of(f.signing(), f.slashing(), blockTime.blockTime());
        return store.savePrepared(tx.prepared()).replaceWith(new BuiltUnjailTx(tx.signDoc(), tx.aminoSignDoc(), gas,
                fee, operator, draft.sequence(), draft.mode(), budget));
    }

    private TxDraft draft(UnjailInput in, Facts f, String operator, long gas, Coin fee) {
        long timeoutHeight = settings.timeoutHeight(f.head().height(), blockTime.blockTime());
        return new TxDraft(new UnjailMsg(operator), in.signerPubkey(), f.account().sequence(),
                in.signMode() == null ? SignMode.DIRECT : in.signMode(), gas, fee, "", timeoutHeight);
    }
}
