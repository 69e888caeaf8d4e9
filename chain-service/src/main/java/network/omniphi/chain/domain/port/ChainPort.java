package network.omniphi.chain.domain.port;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

import network.omniphi.chain.domain.model.Account;
import network.omniphi.chain.domain.model.BroadcastResult;
import network.omniphi.chain.domain.model.ChainHead;
import network.omniphi.chain.domain.model.SlashingParams;
import network.omniphi.chain.domain.model.StakingParams;
import network.omniphi.chain.domain.model.TxResult;
import network.omniphi.chain.domain.model.ValidatorState;

/** The Cosmos chain as chain-service needs it. Failures to reach it surface as ChainException.Unavailable. */
public interface ChainPort {

    Uni<ChainHead> head();

    Uni<Optional<Account>> account(String address);

    Uni<BigInteger> balance(String address, String denom);

    Uni<StakingParams> stakingParams();

    Uni<SlashingParams> slashingParams();

    Uni<Optional<ValidatorState>> validator(String operatorAddress);

    /** All validators of every status. */
    Uni<List<ValidatorState>> validators();

    /** Gas used by a simulated run of the tx (signatures may be empty). */
    Uni<Long> simulate(byte[] txBytes);

    Uni<BroadcastResult> broadcastSync(byte[] txBytes);

    /** The tx once included in a block; empty while it is not (yet) known. */
    Uni<Optional<TxResult>> tx(String hash);
}
