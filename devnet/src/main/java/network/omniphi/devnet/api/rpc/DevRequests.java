package network.omniphi.devnet.api.rpc;

/** Request bodies of the dev-only endpoints. */
final class DevRequests {

    private DevRequests() {
    }

    /** {@code {"address":"omni1...","amount":{"denom":"omniphi","amount":"1000"}}}. */
    record Faucet(String address, Amount amount) {
    }

    /** A coin; the amount is an integer string (a JSON number is accepted too). */
    record Amount(String denom, String amount) {
    }

    /** {@code {"validatorAddress":"omnivaloper1..."}}. */
    /** A validator node's vote: base64 ed25519 key, decimal height, base64 signature. */
    record Vote(String pubKey, String height, String signature) {
    }

    record ValidatorRef(String validatorAddress) {
    }
}
