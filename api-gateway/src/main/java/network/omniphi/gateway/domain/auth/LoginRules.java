package network.omniphi.gateway.domain.auth;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import network.omniphi.codec.Secp256k1;
import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.domain.SetupRules;

/** Stateless shape checks of a login request; the cryptographic checks follow in {@link AuthService}. */
public final class LoginRules {

    public static final String PUBKEY_TYPE = "tendermint/PubKeySecp256k1";
    public static final int MESSAGE_MAX_CHARS = 2048;

    private LoginRules() {
    }

    public static List<FieldError> check(LoginRequest req, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        SetupRules.checkWallet(req.walletAddress(), prefix, "walletAddress", errors);
        if (!PUBKEY_TYPE.equals(req.pubKeyType())) {
            errors.add(new FieldError("pubKey.type", "must be " + PUBKEY_TYPE));
        }
        byte[] key = decode(req.pubKeyValue());
        if (key == null || !Secp256k1.isValidPublicKey(key)) {
            errors.add(new FieldError("pubKey.value", "must be a base64 33-byte compressed secp256k1 public key"));
        }
        byte[] sig = decode(req.signature());
        if (sig == null || sig.length != 64) {
            errors.add(new FieldError("signature", "must be a base64 64-byte r||s signature"));
        }
        if (req.message() == null || req.message().isEmpty()) {
            errors.add(new FieldError("message", "is required"));
        } else if (req.message().length() > MESSAGE_MAX_CHARS) {
            errors.add(new FieldError("message", "must be at most " + MESSAGE_MAX_CHARS + " characters"));
        }
        return errors;
    }

    /** Strict base64 (standard alphabet), or null when absent or malformed. */
    public static byte[] decode(String base64) {
        if (base64 == null || base64.length() > 200) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
