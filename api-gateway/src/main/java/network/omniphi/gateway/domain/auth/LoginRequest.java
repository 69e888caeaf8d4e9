package network.omniphi.gateway.domain.auth;

/** A login attempt as it arrived: the key type and the base64 fields are checked by {@link LoginRules}. */
public record LoginRequest(String walletAddress, String pubKeyType, String pubKeyValue, String signature,
        String message) {
}
