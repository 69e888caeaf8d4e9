package network.omniphi.devnet.domain;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

import network.omniphi.devnet.domain.tx.Coin;

/** Coin validation and formatting with the SDK's rules ({@code 1000omniphi}, denom regex, positive integers). */
public final class Coins {

    private static final String DENOM = "[a-zA-Z][a-zA-Z0-9/:._-]{2,127}";

    private Coins() {
    }

    public static boolean isValidDenom(String denom) {
        return denom != null && denom.matches(DENOM);
    }

    /** A positive integer amount (no sign, no leading garbage); throws invalid coins otherwise. */
    public static BigInteger positiveAmount(Coin coin) {
        if (!isValidDenom(coin.denom())) {
            throw new ChainException(ChainError.INVALID_COINS, "invalid denom: '" + coin.denom() + "'");
        }
        if (coin.amount() == null || !coin.amount().matches("[0-9]{1,78}")) {
            throw new ChainException(ChainError.INVALID_COINS, "invalid amount: '" + coin.amount() + "'");
        }
        BigInteger amount = new BigInteger(coin.amount());
        if (amount.signum() <= 0) {
            throw new ChainException(ChainError.INVALID_COINS,
                    "amount must be positive: " + coin.amount() + coin.denom());
        }
        return amount;
    }

    public static String format(List<Coin> coins) {
        return coins.stream().map(c -> c.amount() + c.denom()).collect(Collectors.joining(","));
    }
}
