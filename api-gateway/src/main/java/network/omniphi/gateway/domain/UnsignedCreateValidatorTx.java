package network.omniphi.gateway.domain;

import java.util.Map;

/** The unsigned transaction for the wallet, with the chain service's pre-flight report. */
public record UnsignedCreateValidatorTx(byte[] bodyBytes, byte[] authInfoBytes, String chainId, long accountNumber,
        String aminoSignDoc, long gasEstimate, String feeDenom, String feeAmount, String operatorAddress, long sequence,
        String signMode, Map<String, Object> preflight) {
}
