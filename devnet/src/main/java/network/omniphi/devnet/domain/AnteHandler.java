package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

import network.omniphi.codec.Secp256k1;
import network.omniphi.devnet.domain.state.Account;
import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.tx.AminoJson;
import network.omniphi.devnet.domain.tx.Coin;
import network.omniphi.devnet.domain.tx.DecodedTx;
import network.omniphi.devnet.domain.tx.SignerInfo;
import network.omniphi.devnet.domain.tx.TxCodec;

/**
 * The SDK ante chain for a single-signer tx, in the SDK's order: timeout height, memo, gas, fee (min gas price only in
 * CheckTx), public key, sequence, signature (skipped when simulating), sequence increment. Mutates the given state.
 */
final class AnteHandler {

    static final String SECP256K1_TYPE_URL = "/cosmos.crypto.secp256k1.PubKey";
    private static final int MAX_MEMO_CHARACTERS = 256;

    enum Mode {
        CHECK, SIMULATE, DELIVER
    }

    private final ChainParams params;
    private final TxCodec codec;

    AnteHandler(ChainParams params, TxCodec codec) {
        this.params = params;
        this.codec = codec;
    }

    void run(ChainState state, DecodedTx tx, byte[] signer, long height, java.time.Instant time, Mode mode) {
        if (tx.timeoutHeight() != 0 && height > tx.timeoutHeight()) {
            throw new ChainException(ChainError.TX_TIMEOUT_HEIGHT,
                    "block height: " + height + ", timeout height: " + tx.timeoutHeight());
        }
        if (tx.memo().codePointCount(0, tx.memo().length()) > MAX_MEMO_CHARACTERS) {
            throw new ChainException(ChainError.MEMO_TOO_LARGE,
                    "maximum number of characters is " + MAX_MEMO_CHARACTERS);
        }
        long gasUsed = GasSchedule.total(tx);
        if (mode != Mode.SIMULATE && gasUsed > tx.fee().gasLimit()) {
            throw new ChainException(ChainError.OUT_OF_GAS,
                    "out of gas; gasWanted: " + tx.fee().gasLimit() + ", gasUsed: " + gasUsed);
        }
        Account account = state.account(signer).orElseThrow(() -> new ChainException(ChainError.UNKNOWN_ADDRESS,
                "account " + Addresses.account(signer) + " does not exist"));
        if (mode == Mode.CHECK) {
            checkMinimumFee(tx);
        }
        account = deductFee(state, account, tx, time);
        SignerInfo info = tx.signerInfos().get(0);
        account = setPublicKey(account, info, mode);
        if (info.sequence() != account.sequence()) {
            throw new ChainException(ChainError.WRONG_SEQUENCE,
                    "account sequence mismatch, expected " + account.sequence() + ", got " + info.sequence());
        }
        if (mode != Mode.SIMULATE) {
            verifySignature(account, info, tx);
        }
        state.put(account.withNextSequence());
    }

    private void checkMinimumFee(DecodedTx tx) {
        BigInteger required = params.minGasPrice().multiply(BigDecimal.valueOf(tx.fee().gasLimit()))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        BigInteger paid = tx.fee().amount().stream().filter(c -> c.denom().equals(params.bondDenom()))
                .map(c -> new BigInteger(c.amount())).findFirst().orElse(BigInteger.ZERO);
        if (paid.compareTo(required) < 0) {
            throw new ChainException(ChainError.INSUFFICIENT_FEE,
                    "insufficient fees; got: " + Coins.format(tx.fee().amount()) + " required: " + required
                            + params.bondDenom());
        }
    }

    /**
     * DeductFeeDecorator: fees come from the spendable balance only (x/bank SendCoins refuses locked vesting coins:
     * "spendable balance X is smaller than Y: insufficient funds").
     */
    private Account deductFee(ChainState state, Account account, DecodedTx tx, java.time.Instant time) {
        Account updated = account;
        for (Coin coin : tx.fee().amount()) {
            BigInteger amount = new BigInteger(coin.amount());
            BigInteger locked = coin.denom().equals(params.bondDenom())
                    ? state.vesting(account.address()).map(v -> v.locked(time)).orElse(BigInteger.ZERO)
                    : BigInteger.ZERO;
            BigInteger balance = updated.balance(coin.denom()).subtract(locked).max(BigInteger.ZERO);
            if (balance.compareTo(amount) < 0) {
                throw new ChainException(ChainError.INSUFFICIENT_FUNDS, "spendable balance " + balance + coin.denom()
                        + " is smaller than " + amount + coin.denom());
            }
            updated = updated.withBalance(coin.denom(), updated.balance(coin.denom()).subtract(amount));
        }
        return updated;
    }

    private Account setPublicKey(Account account, SignerInfo info, Mode mode) {
        if (info.publicKey() == null || info.publicKey().length == 0) {
            if (account.publicKey() == null && mode != Mode.SIMULATE) {
                throw new ChainException(ChainError.INVALID_PUBKEY,
                        "pubkey on account " + Addresses.account(account.address()) + " is not set");
            }
            return account;
        }
        if (!SECP256K1_TYPE_URL.equals(info.publicKeyType())) {
            throw new ChainException(ChainError.INVALID_PUBKEY, "unsupported signer pubkey type " + info.publicKeyType()
                    + "; the devnet accepts " + SECP256K1_TYPE_URL);
        }
        if (!Secp256k1.isValidPublicKey(info.publicKey())) {
            throw new ChainException(ChainError.INVALID_PUBKEY,
                    "signer pubkey is not a 33-byte compressed secp256k1 key");
        }
        if (!Arrays.equals(Secp256k1.addressBytes(info.publicKey()), account.address())) {
            throw new ChainException(ChainError.INVALID_PUBKEY, "pubKey does not match signer address "
                    + Addresses.account(account.address()) + " with signer index: 0");
        }
        return account.publicKey() == null ? account.withPublicKey(info.publicKey()) : account;
    }

    private void verifySignature(Account account, SignerInfo info, DecodedTx tx) {
        byte[] signBytes = switch (info.mode()) {
            case DIRECT ->
                codec.directSignBytes(tx.bodyBytes(), tx.authInfoBytes(), params.chainId(), account.number());
            case LEGACY_AMINO_JSON -> AminoJson.signBytes(tx, params.chainId(), account.number(), info.sequence(),
                    params.aminoDecForm());
            case UNSUPPORTED -> throw new ChainException(ChainError.NOT_SUPPORTED,
                    "sign mode not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON");
        };
        if (!Secp256k1.verify(account.publicKey(), signBytes, tx.signatures().get(0))) {
            throw new ChainException(ChainError.UNAUTHORIZED,
                    "signature verification failed; please verify account number (" + account.number()
                            + "), sequence (" + info.sequence() + ") and chain-id (" + params.chainId() + ")");
        }
    }
}
