package network.omniphi.devnet.domain.state;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** An account: number (assigned on first funding), sequence, public key once known, balances by denom. */
public record Account(byte[] address, long number, long sequence, byte[] publicKey, Map<String, BigInteger> balances) {

    public Account {
        balances = Collections.unmodifiableMap(new TreeMap<>(balances));
    }

    public static Account fresh(byte[] address, long number) {
        return new Account(address, number, 0, null, Map.of());
    }

    public BigInteger balance(String denom) {
        return balances.getOrDefault(denom, BigInteger.ZERO);
    }

    public Account withBalance(String denom, BigInteger amount) {
        Map<String, BigInteger> next = new TreeMap<>(balances);
        if (amount.signum() == 0) {
            next.remove(denom);
        } else {
            next.put(denom, amount);
        }
        return new Account(address, number, sequence, publicKey, next);
    }

    public Account withNextSequence() {
        return new Account(address, number, sequence + 1, publicKey, balances);
    }

    public Account withPublicKey(byte[] key) {
        return new Account(address, number, sequence, key, balances);
    }
}
