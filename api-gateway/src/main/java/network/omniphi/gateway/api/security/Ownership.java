package network.omniphi.gateway.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;

import io.smallrye.mutiny.Uni;

import network.omniphi.commons.error.FieldError;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.SetupPolicy;
import network.omniphi.gateway.domain.SetupRequestService;
import network.omniphi.gateway.domain.SetupRules;

/**
 * A wallet may act only on its own setups. Values that are not even well-formed are left to the route's own
 * validation (400); a well-formed wallet or an existing setup of another wallet is 403. A setup's wallet never
 * changes, so checking before acting is race-free.
 */
@ApplicationScoped
public class Ownership {

    private final SetupRequestService setups;
    private final SetupPolicy policy;

    public Ownership(SetupRequestService setups, SetupPolicy policy) {
        this.setups = setups;
        this.policy = policy;
    }

    /** The verified token of the authenticated caller (routes behind the access filter always have one). */
    public static network.omniphi.gateway.domain.auth.VerifiedToken token(SecurityContext sc) {
        if (sc instanceof WalletSecurityContext w) {
            return w.token();
        }
        throw new GatewayException.Unauthenticated("token-missing", "This route needs an access token.");
    }

    /** The wallet address of the authenticated caller (routes behind the access filter always have one). */
    public static String caller(SecurityContext sc) {
        if (sc instanceof WalletSecurityContext w) {
            return w.wallet();
        }
        throw new GatewayException.Unauthenticated("token-missing", "This route needs an access token.");
    }

    /** 403 when {@code walletAddress} is a valid address other than the caller's. */
    public void requireSelf(String caller, String walletAddress) {
        if (walletAddress == null || walletAddress.equals(caller)) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        SetupRules.checkWallet(walletAddress, policy.accountPrefix(), "walletAddress", errors);
        if (errors.isEmpty()) {
            throw forbidden();
        }
    }

    /** 403 when the setup exists and belongs to another wallet; unknown or malformed ids pass to the route. */
    public Uni<Void> requireSetupOwner(String caller, String setupId) {
        UUID id;
        try {
            id = UUID.fromString(setupId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return setups.ownerOf(id).invoke(owner -> {
            if (owner != null) {
                requireOwner(caller, owner);
            }
        }).replaceWithVoid();
    }

    /** 403 when a setup read by the route belongs to another wallet than the caller's. */
    public void requireOwner(String caller, String owner) {
        if (!owner.equals(caller)) {
            throw forbidden();
        }
    }

    private static GatewayException forbidden() {
        return new GatewayException.Forbidden("This setup belongs to another wallet.");
    }
}
