package network.omniphi.gateway.domain.auth;

/** Port: signs short-lived access tokens whose subject is the wallet address. */
public interface TokenIssuer {

    IssuedToken issue(String walletAddress);
}
