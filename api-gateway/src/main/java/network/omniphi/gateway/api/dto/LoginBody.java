package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/auth/login}: an ADR-036 signature over the challenge message. */
@Schema(name = "LoginRequest")
public record LoginBody(
        @Schema(description = "The omni address; must derive from pubKey", required = true) String walletAddress,
        @Schema(required = true) PubKey pubKey,
        @Schema(description = "base64 of the 64-byte r||s secp256k1 signature (low-S)", required = true) String signature,
        @Schema(description = "The challenge message exactly as issued", required = true) String message) {

    /** Amino JSON public key as wallets return it. */
    @Schema(name = "PubKey")
    public record PubKey(@Schema(enumeration = "tendermint/PubKeySecp256k1") String type,
            @Schema(description = "base64 of the 33-byte compressed key") String value) {
    }

    @Override
    public String toString() {
        return "LoginBody[walletAddress=" + walletAddress + ", <credentials redacted>]";
    }
}
