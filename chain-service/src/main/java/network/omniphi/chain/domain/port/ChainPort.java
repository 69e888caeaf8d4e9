package network.omniphi.chain.domain.port;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.BroadcastResult;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.SigningInfo;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.StakingParams;
import network.omniphi.chain.domain.model.TxLookup;
import network.omniphi.chain.domain.model.ValidatorState;

/** The Cosmos chain as chain-service needs it. Failures to reach it surface as ChainException.Unavailable. */
public interface ChainPort {

    Uni<ChainHead> head();

    Uni<Optional<Account>> account(String address);

    Uni<BigInteger> balance(String address, String denom);

    /** Balance minus coins locked by vesting: what fees can be paid from. */
    Uni<BigInteger> spendable(String address, String denom);

    Uni<StakingParams> stakingParams();

    Uni<SlashingParams> slashingParams();

    /** x/slashing SigningInfo of a consensus address ({@code omnivalcons...}); empty when the chain has none. */
    Uni<Optional<SigningInfo>> signingInfo(String consensusAddress);

    Uni<Optional<ValidatorState>> validator(String operatorAddress);

    /** All validators of every status. */
    Uni<List<ValidatorState>> validators();

    /** Gas used by a simulated run of the tx (signatures may be empty). */
    Uni<Long> simulate(byte[] txBytes);

    Uni<BroadcastResult> broadcastSync(byte[] txBytes);

    /** GetTx: included, not found, or the node keeps no tx index. */
    Uni<TxLookup> tx(String hash);
}
