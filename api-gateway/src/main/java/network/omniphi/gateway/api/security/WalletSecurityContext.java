package network.omniphi.gateway.api.security;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

/** The security context of a request that carried a valid token: the principal's name is the wallet address. */
record WalletSecurityContext(String wallet, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return () -> wallet;
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
