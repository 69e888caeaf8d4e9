package network.omniphi.gateway.api.security;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

import network.omniphi.gateway.domain.auth.VerifiedToken;

/** The security context of a request that carried a valid token: the principal's name is the wallet address. */
record WalletSecurityContext(VerifiedToken token, boolean secure) implements SecurityContext {

    String wallet() {
        return token.walletAddress();
    }

    @Override
    public Principal getUserPrincipal() {
        return token::walletAddress;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
