package network.omniphi.gateway.api.dto;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Answer of create-validator-tx: the direct SignDoc, the amino StdSignDoc, gas, fee and the pre-flight report. */
public record CreateValidatorTxJson(SignDocJson signDoc, JsonNode aminoSignDoc, String signMode, long gasEstimate,
        FeeJson fee, String operatorAddress, String sequence, Map<String, Object> preflight) {

    /** bodyBytes and authInfoBytes base64; accountNumber as a decimal string (it is a uint64). */
    public record SignDocJson(String bodyBytes, String authInfoBytes, String chainId, String accountNumber) {
    }

    public record FeeJson(java.util.List<CreateValidatorTxBody.CoinJson> amount, String gas) {
    }
}
