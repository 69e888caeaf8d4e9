package network.omniphi.gateway.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.codec.Adr036;
import network.omniphi.codec.Secp256k1;
import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.SetupRules;
import network.omniphi.gateway.domain.WalletKeys;

/**
 * Wallet login: issues single-use challenges and exchanges an ADR-036 signature over one for an access token. The
 * signature and the address derivation are checked before the challenge is consumed, so a forged attempt cannot burn
 * someone else's challenge; the challenge is then consumed atomically (a second use finds nothing).
 */
@ApplicationScoped
public class AuthService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoginNonces nonces;
    private final TokenIssuer tokens;
    private final RevokedTokens revoked;
    private final WalletKeys walletKeys;
    private final AuthPolicy policy;
    private final Clock clock;

    public AuthService(LoginNonces nonces, TokenIssuer tokens, RevokedTokens revoked, WalletKeys walletKeys,
            AuthPolicy policy, Clock clock) {
        this.nonces = nonces;
        this.tokens = tokens;
        this.revoked = revoked;
        this.walletKeys = walletKeys;
        this.policy = policy;
        this.clock = clock;
    }

    public Uni<LoginChallenge> challenge(String walletAddress) {
        List<FieldError> errors = new ArrayList<>();
        SetupRules.checkWallet(walletAddress, policy.accountPrefix(), "walletAddress", errors);
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(errors));
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(policy.challengeTtl());
        String nonce = newNonce();
        String message = ChallengeMessage.render(policy, walletAddress, nonce, now, expiresAt);
        LoginChallenge challenge = new LoginChallenge(nonce, walletAddress, message, expiresAt);
        return nonces.save(challenge).replaceWith(challenge);
    }

    public Uni<IssuedToken> login(LoginRequest req) {
        List<FieldError> errors = LoginRules.check(req, policy.accountPrefix());
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new GatewayException.InvalidRequest(errors));
        }
        byte[] pubKey = LoginRules.decode(req.pubKeyValue());
        return Uni.createFrom().item(() -> verifiedNonce(req, pubKey))
                .flatMap(nonce -> nonces.consume(nonce, req.walletAddress(), req.message()))
                .map(this::requireUnexpired)
                .flatMap(v -> walletKeys.remember(req.walletAddress(), pubKey))
                .map(v -> tokens.issue(req.walletAddress()));
    }

    /** Logout: the token (already verified by the caller) is refused from now on, durably. */
    public Uni<Void> logout(VerifiedToken token) {
        return revoked.revoke(token);
    }

    /** Checks address derivation and signature; answers the nonce the signed message carries. */
    private String verifiedNonce(LoginRequest req, byte[] pubKey) {
        if (!Secp256k1.address(policy.accountPrefix(), pubKey).equals(req.walletAddress())) {
            throw new GatewayException.Unauthenticated("address-mismatch",
                    "The wallet address is not the address of the given public key.");
        }
        byte[] signDoc = Adr036.signDoc(req.walletAddress(), req.message().getBytes(StandardCharsets.UTF_8));
        Secp256k1.Check check = Secp256k1.check(pubKey, signDoc, LoginRules.decode(req.signature()));
        switch (check) {
            case VALID -> {
            }
            case HIGH_S -> throw new GatewayException.Unauthenticated("high-s-signature",
                    "The signature is not in low-S form.");
            default -> throw new GatewayException.Unauthenticated("invalid-signature",
                    "The signature does not verify for this wallet and message.");
        }
        String nonce = ChallengeMessage.nonceOf(req.message());
        if (nonce == null) {
            throw unknownChallenge();
        }
        return nonce;
    }

    private Instant requireUnexpired(Instant expiresAt) {
        if (expiresAt == null) {
            throw unknownChallenge();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new GatewayException.Unauthenticated("challenge-expired",
                    "The challenge expired; request a new one.");
        }
        return expiresAt;
    }

    private static GatewayException unknownChallenge() {
        return new GatewayException.Unauthenticated("challenge-unknown",
                "No open challenge matches this wallet and message (unknown, already used, or altered).");
    }

    private static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
