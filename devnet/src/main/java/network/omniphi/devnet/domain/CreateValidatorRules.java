package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import network.omniphi.devnet.domain.tx.CommissionRates;
import network.omniphi.devnet.domain.tx.Description;
import network.omniphi.devnet.domain.tx.MsgCreateValidator;

/**
 * The stateless rules of MsgCreateValidator (SDK {@code Validate} plus the parameter checks of the msg server that do
 * not need state): addresses, description byte limits, commission, self-delegation, bond denom and the consensus key.
 */
final class CreateValidatorRules {

    static final int MONIKER_MAX = 70;
    static final int IDENTITY_MAX = 3000;
    static final int WEBSITE_MAX = 140;
    static final int SECURITY_CONTACT_MAX = 140;
    static final int DETAILS_MAX = 280;

    private final ChainParams params;

    CreateValidatorRules(ChainParams params) {
        this.params = params;
    }

    /**
     * The message's only signer, the operator: what CheckTx needs (cosmos-sdk v0.50 derives signers from the
     * {@code cosmos.msg.v1.signer} field, {@code validator_address}, while decoding; a bad address fails there).
     */
    byte[] signer(MsgCreateValidator msg) {
        return operatorSigner(msg.validatorAddress());
    }

    /** An operator address as a message signer (MsgCreateValidator, MsgUnjail). */
    byte[] operatorSigner(String validatorAddress) {
        try {
            return Addresses.parseOperator(validatorAddress);
        } catch (ChainException e) {
            throw new ChainException(ChainError.INVALID_ADDRESS, "invalid validator address: " + e.getMessage());
        }
    }

    /**
     * Validates the message and returns the operator address bytes. Runs in simulate and deliver only: on SDK 0.50
     * MsgCreateValidator has no ValidateBasic ({@code x/staking/types/msg.go} defines {@code Validate}, called by
     * {@code x/staking/keeper/msg_server.go} CreateValidator with the parameter checks), so these fail in the block.
     */
    byte[] validate(MsgCreateValidator msg) {
        byte[] operator = operator(msg);
        if (msg.pubKeyType().isEmpty()) {
            throw new ChainException(ChainError.EMPTY_VALIDATOR_PUBKEY, "");
        }
        positiveValue(msg);
        description(msg.description());
        commission(msg.commission());
        BigInteger minSelf = minSelfDelegation(msg.minSelfDelegation());
        if (new BigInteger(msg.value().amount()).compareTo(minSelf) < 0) {
            throw new ChainException(ChainError.SELF_DELEGATION_BELOW_MINIMUM,
                    "self delegation " + msg.value().amount() + " is below min self delegation " + minSelf);
        }
        if (!params.bondDenom().equals(msg.value().denom())) {
            throw new ChainException(ChainError.INVALID_COINS, "invalid coin denomination: got "
                    + msg.value().denom() + ", expected " + params.bondDenom());
        }
        consensusKey(msg);
        return operator;
    }

    private static byte[] operator(MsgCreateValidator msg) {
        byte[] operator;
        try {
            operator = Addresses.parseOperator(msg.validatorAddress());
        } catch (ChainException e) {
            throw new ChainException(ChainError.INVALID_ADDRESS, "invalid validator address: " + e.getMessage());
        }
        if (!msg.delegatorAddress().isEmpty()
                && !Arrays.equals(Addresses.parseAccount(msg.delegatorAddress()), operator)) {
            throw new ChainException(ChainError.INVALID_REQUEST,
                    "delegator address and validator address must refer to the same account");
        }
        return operator;
    }

    private static void positiveValue(MsgCreateValidator msg) {
        String amount = msg.value().amount();
        if (amount == null || !amount.matches("[0-9]{1,78}") || new BigInteger(amount).signum() <= 0) {
            throw new ChainException(ChainError.INVALID_REQUEST, "invalid delegation amount");
        }
    }

    private static void description(Description d) {
        if (d.equals(new Description("", "", "", "", ""))) {
            throw new ChainException(ChainError.INVALID_REQUEST, "empty description");
        }
        if (d.moniker().isEmpty()) {
            throw new ChainException(ChainError.INVALID_REQUEST, "moniker cannot be blank");
        }
        checkLength("moniker", d.moniker(), MONIKER_MAX);
        checkLength("identity", d.identity(), IDENTITY_MAX);
        checkLength("website", d.website(), WEBSITE_MAX);
        checkLength("security contact", d.securityContact(), SECURITY_CONTACT_MAX);
        checkLength("details", d.details(), DETAILS_MAX);
    }

    private static void checkLength(String field, String value, int max) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            throw new ChainException(ChainError.INVALID_REQUEST,
                    "invalid " + field + " length; got: " + bytes + ", max: " + max);
        }
    }

    private void commission(CommissionRates wire) {
        if (wire.equals(new CommissionRates("", "", ""))) {
            throw new ChainException(ChainError.INVALID_REQUEST, "empty commission");
        }
        BigDecimal rate = Dec.fromWire("commission.rate", wire.rate());
        BigDecimal maxRate = Dec.fromWire("commission.max_rate", wire.maxRate());
        BigDecimal maxChangeRate = Dec.fromWire("commission.max_change_rate", wire.maxChangeRate());
        if (maxRate.signum() < 0 || rate.signum() < 0) {
            throw new ChainException(ChainError.COMMISSION_NEGATIVE, "");
        }
        if (maxRate.compareTo(BigDecimal.ONE) > 0) {
            throw new ChainException(ChainError.COMMISSION_HUGE, "max rate " + Dec.toHuman(maxRate));
        }
        if (rate.compareTo(maxRate) > 0) {
            throw new ChainException(ChainError.COMMISSION_GT_MAX_RATE,
                    "rate " + Dec.toHuman(rate) + " > max rate " + Dec.toHuman(maxRate));
        }
        if (maxChangeRate.signum() < 0) {
            throw new ChainException(ChainError.COMMISSION_CHANGE_RATE_NEGATIVE, "");
        }
        if (maxChangeRate.compareTo(maxRate) > 0) {
            throw new ChainException(ChainError.COMMISSION_CHANGE_RATE_GT_MAX_RATE,
                    "max change rate " + Dec.toHuman(maxChangeRate) + " > max rate " + Dec.toHuman(maxRate));
        }
        if (rate.compareTo(params.minCommissionRate()) < 0) {
            throw new ChainException(ChainError.COMMISSION_LT_MIN_RATE,
                    "cannot set validator commission to less than minimum rate of "
                            + Dec.toHuman(params.minCommissionRate()));
        }
    }

    private static BigInteger minSelfDelegation(String wire) {
        if (wire == null || !wire.matches("-?[0-9]{1,78}") || new BigInteger(wire).signum() <= 0) {
            throw new ChainException(ChainError.INVALID_REQUEST, "minimum self delegation must be a positive integer");
        }
        return new BigInteger(wire);
    }

    private static void consensusKey(MsgCreateValidator msg) {
        if (!MsgCreateValidator.ED25519_TYPE_URL.equals(msg.pubKeyType())) {
            throw new ChainException(ChainError.VALIDATOR_PUBKEY_TYPE_UNSUPPORTED,
                    "got: " + msg.pubKeyType() + ", expected: [" + MsgCreateValidator.ED25519_TYPE_URL + "]");
        }
        if (msg.pubKey() == null || msg.pubKey().length != 32) {
            throw new ChainException(ChainError.INVALID_PUBKEY, "invalid ed25519 consensus key length; got: "
                    + (msg.pubKey() == null ? 0 : msg.pubKey().length) + ", expected: 32");
        }
    }
}
