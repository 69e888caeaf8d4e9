package network.omniphi.chain.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;

/** Read-only chain queries for the gateway. */
@ApplicationScoped
public class ValidatorInfoService {

    private final ChainPort chain;
    private final Addresses addresses;

    public ValidatorInfoService(ChainPort chain, Addresses addresses) {
        this.chain = chain;
        this.addresses = addresses;
    }

    /** The validator of an operator address or of a wallet (its operator address). */
    public Uni<Optional<ValidatorState>> validator(String operatorAddress, String walletAddress) {
        return Uni.createFrom().item(() -> operator(operatorAddress, walletAddress)).flatMap(chain::validator);
    }

    private String operator(String operatorAddress, String walletAddress) {
        try {
            if (operatorAddress != null && !operatorAddress.isBlank()) {
                Addresses.addressBytes(operatorAddress, addresses.operatorPrefix());
                return operatorAddress;
            }
            if (walletAddress != null && !walletAddress.isBlank()) {
                return addresses.operatorOf(walletAddress);
            }
        } catch (IllegalArgumentException e) {
            throw ChainException.Invalid.field(operatorAddress != null && !operatorAddress.isBlank()
                    ? "operatorAddress"
                    : "walletAddress", e.getMessage());
        }
        throw ChainException.Invalid.field("operatorAddress", "operatorAddress or walletAddress is required");
    }

    public Uni<ChainHead> head() {
        return chain.head();
    }
}
