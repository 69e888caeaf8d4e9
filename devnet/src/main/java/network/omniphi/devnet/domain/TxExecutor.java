package network.omniphi.devnet.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.tx.Coin;
import network.omniphi.devnet.domain.tx.DecodedTx;
import network.omniphi.devnet.domain.tx.MsgCreateValidator;
import network.omniphi.devnet.domain.tx.SignMode;
import network.omniphi.devnet.domain.tx.SignerInfo;
import network.omniphi.devnet.domain.tx.TxCodec;
import network.omniphi.devnet.domain.tx.TxMessage;

/**
 * Runs a decoded tx in the three ABCI modes, as cosmos-sdk v0.50 baseapp does. CheckTx = tx-level checks (signers,
 * fee coins, sign mode) + ante (with the min gas price), no message execution; simulate = the same without signature
 * and fee-price checks, then the messages on a branch; deliver = ante, then the messages on a branch that is dropped
 * if a message fails (fee and sequence stay spent). MsgCreateValidator's own checks run with the message (simulate
 * and deliver), since it has no ValidateBasic on SDK 0.50.
 */
final class TxExecutor {

    private final AnteHandler ante;
    private final CreateValidatorRules rules;
    private final CreateValidatorKeeper keeper;
    private final UnjailKeeper unjail;

    TxExecutor(ChainParams params, TxCodec codec, Liveness liveness) {
        this.ante = new AnteHandler(params, codec);
        this.rules = new CreateValidatorRules(params);
        this.keeper = new CreateValidatorKeeper(params);
        this.unjail = new UnjailKeeper(liveness);
    }

    /** CheckTx against the check state (mutated: fee and sequence). Returns the gas the tx will use. */
    long check(ChainState checkState, DecodedTx tx, long nextHeight, Instant time) {
        byte[] signer = validateStateless(tx);
        ante.run(checkState, tx, signer, nextHeight, time, AnteHandler.Mode.CHECK);
        return GasSchedule.total(tx);
    }

    /** Simulates on a branch of the given state; returns the events; throws when the tx would fail. */
    List<TxResult.Event> simulate(ChainState state, DecodedTx tx, long nextHeight, Instant time) {
        ChainState branch = state.copy();
        byte[] signer = validateStateless(tx);
        ante.run(branch, tx, signer, nextHeight, time, AnteHandler.Mode.SIMULATE);
        return runMessages(branch, tx, signer, nextHeight, time);
    }

    /** Executes the tx in a block, committing what succeeds into {@code state}. */
    TxResult deliver(ChainState state, DecodedTx tx, long height, Instant time) {
        long gasWanted = tx.fee().gasLimit();
        byte[] signer;
        ChainState anteBranch = state.copy();
        try {
            signer = validateStateless(tx);
            ante.run(anteBranch, tx, signer, height, time, AnteHandler.Mode.DELIVER);
        } catch (ChainException e) {
            return TxResult.failed(e, gasWanted, Math.min(gasWanted, GasSchedule.ante(tx)));
        }
        ChainState msgBranch = anteBranch.copy();
        try {
            List<TxResult.Event> events = runMessages(msgBranch, tx, signer, height, time);
            state.replaceWith(msgBranch);
            return TxResult.ok(gasWanted, GasSchedule.total(tx), events);
        } catch (ChainException e) {
            state.replaceWith(anteBranch);
            return TxResult.failed(e, gasWanted, GasSchedule.total(tx));
        }
    }

    private List<TxResult.Event> runMessages(ChainState state, DecodedTx tx, byte[] signer, long height,
            Instant time) {
        List<TxResult.Event> events = new ArrayList<>();
        for (TxMessage message : tx.messages()) {
            if (message instanceof network.omniphi.devnet.domain.tx.MsgUnjail msg) {
                events.addAll(unjail.execute(state, msg, signer, time));
                continue;
            }
            MsgCreateValidator msg = (MsgCreateValidator) message;
            rules.validate(msg);
            events.addAll(keeper.execute(state, msg, signer, height, time));
        }
        return events;
    }

    /** Tx-level and message-level stateless rules; returns the single signer's address. */
    byte[] validateStateless(DecodedTx tx) {
        if (tx.hasExtensionOptions()) {
            throw new ChainException(ChainError.UNKNOWN_EXTENSION_OPTIONS, "");
        }
        if (tx.messages().isEmpty()) {
            throw new ChainException(ChainError.INVALID_REQUEST, "must contain at least one message");
        }
        validateFee(tx);
        Set<String> signers = new HashSet<>();
        byte[] signer = null;
        for (TxMessage message : tx.messages()) {
            if (message instanceof network.omniphi.devnet.domain.tx.MsgUnjail msg) {
                signer = rules.operatorSigner(msg.validatorAddress());
                signers.add(Arrays.toString(signer));
                continue;
            }
            if (!(message instanceof MsgCreateValidator msg)) {
                throw new ChainException(ChainError.NOT_SUPPORTED,
                        "message type " + message.typeUrl() + " is not executed by the devnet");
            }
            signer = rules.signer(msg);
            signers.add(Arrays.toString(signer));
        }
        validateSigners(tx, signers.size());
        return signer;
    }

    private static void validateFee(DecodedTx tx) {
        if (!tx.fee().payer().isEmpty() || !tx.fee().granter().isEmpty()) {
            throw new ChainException(ChainError.NOT_SUPPORTED, "fee payer and fee granter are not supported");
        }
        Set<String> denoms = new HashSet<>();
        for (Coin coin : tx.fee().amount()) {
            Coins.positiveAmount(coin);
            if (!denoms.add(coin.denom())) {
                throw new ChainException(ChainError.INVALID_COINS, "duplicate denomination " + coin.denom());
            }
        }
    }

    private static void validateSigners(DecodedTx tx, int required) {
        if (tx.signatures().isEmpty()) {
            throw new ChainException(ChainError.NO_SIGNATURES, "");
        }
        if (required != 1) {
            throw new ChainException(ChainError.NOT_SUPPORTED, "the devnet accepts txs with exactly one signer");
        }
        if (tx.signerInfos().size() != required || tx.signatures().size() != required) {
            throw new ChainException(ChainError.UNAUTHORIZED, "wrong number of signers; expected " + required
                    + ", got " + tx.signerInfos().size() + " signer infos and " + tx.signatures().size()
                    + " signatures");
        }
        SignerInfo info = tx.signerInfos().get(0);
        if (info.multi() || info.mode() == SignMode.UNSUPPORTED) {
            throw new ChainException(ChainError.NOT_SUPPORTED,
                    "sign mode not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON");
        }
    }
}
