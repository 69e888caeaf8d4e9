package network.omniphi.chain.domain.model;

import java.math.BigInteger;

/** An amount of one denom (integer amount, never negative). */
public record Coin(String denom, BigInteger amount) {

    public Coin plus(BigInteger more) {
        return new Coin(denom, amount.add(more));
    }

    @Override
    public String toString() {
        return amount + denom;
    }
}
