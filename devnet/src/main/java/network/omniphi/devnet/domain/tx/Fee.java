package network.omniphi.devnet.domain.tx;

import java.util.List;

/** The fee of a tx: coins, gas limit and the optional payer/granter (not supported by the devnet). */
public record Fee(List<Coin> amount, long gasLimit, String payer, String granter) {
    public Fee {
        amount = List.copyOf(amount);
    }
}
