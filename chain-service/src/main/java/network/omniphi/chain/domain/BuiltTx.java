package network.omniphi.chain.domain;

import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.Preflight;
import network.omniphi.chain.domain.model.SignDocData;
import network.omniphi.chain.domain.model.SignMode;

/** The unsigned tx handed to the wallet. {@code aminoSignDoc} is empty in direct mode. */
public record BuiltTx(SignDocData signDoc, String aminoSignDoc, long gasEstimate, Coin fee, Preflight preflight,
        String operatorAddress, long sequence, SignMode signMode) {
}
