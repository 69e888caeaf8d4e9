package network.omniphi.chain.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.JailBudget;
import network.omniphi.chain.domain.model.ValidatorState;
import network.omniphi.chain.domain.port.ChainPort;

/** Read-only chain queries for the gateway. */
@ApplicationScoped
public class ValidatorInfoService {

    private final ChainPort chain;
    private final Addresses addresses;

    private final BlockTimeEstimator blockTime;

    public ValidatorInfoService(ChainPort chain, Addresses addresses, BlockTimeEstimator blockTime) {
        this.chain = chain;
        this.addresses = addresses;
        this.blockTime = blockTime;
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

    /** The validator with its jail budget (null when the chain keeps no signing info for it). */
    public record ValidatorInfo(ValidatorState validator, JailBudget jailBudget) {
    }

    public Uni<Optional<ValidatorInfo>> info(String operatorAddress, String walletAddress) {
        return validator(operatorAddress, walletAddress).flatMap(v -> {
            if (v.isEmpty() || v.get().consensusPubkey().isEmpty()) {
                return Uni.createFrom().item(v.map(s -> new ValidatorInfo(s, null)));
            }
            return Uni.combine().all().unis(chain.signingInfo(addresses.consensusOf(v.get().consensusPubkey())),
                    chain.slashingParams(), chain.head().invoke(blockTime::observe)).asTuple()
                    .map(t -> Optional.of(new ValidatorInfo(v.get(), t.getItem1()
                            .map(i -> JailBudget.of(i, t.getItem2(), blockTime.blockTime())).orElse(null))));
        });
    }

    public Uni<ChainHead> head() {
        return chain.head();
    }
}
