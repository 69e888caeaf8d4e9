package network.omniphi.devnet.api.grpc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import network.omniphi.devnet.domain.Addresses;
import network.omniphi.devnet.domain.Dec;
import network.omniphi.devnet.domain.TxResult;
import network.omniphi.devnet.domain.state.Validator;

import cosmos.staking.v1beta1.BondStatus;
import cosmos.staking.v1beta1.Commission;
import cosmos.staking.v1beta1.CommissionRates;
import cosmos.staking.v1beta1.Description;
import tendermint.abci.Event;
import tendermint.abci.EventAttribute;

/** Domain → Cosmos protobuf mapping shared by the gRPC services. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    /** Packs with the Cosmos type URL form {@code /full.Name} (no type.googleapis.com prefix). */
    static Any pack(com.google.protobuf.Message message) {
        return Any.pack(message, "");
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.getSeconds())
                .setNanos(duration.getNano()).build();
    }

    /** The SDK's TxResponse timestamp: RFC 3339 in whole seconds. */
    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static cosmos.staking.v1beta1.Validator validator(Validator v) {
        Validator.Commission c = v.commission();
        return cosmos.staking.v1beta1.Validator.newBuilder()
                .setOperatorAddress(Addresses.operator(v.operator()))
                .setConsensusPubkey(pack(cosmos.crypto.ed25519.PubKey.newBuilder()
                        .setKey(ByteString.copyFrom(v.consensusKey())).build()))
                .setJailed(v.jailed())
                .setStatus(v.status() == network.omniphi.devnet.domain.state.BondStatus.BONDED
                        ? BondStatus.BOND_STATUS_BONDED
                        : BondStatus.BOND_STATUS_UNBONDED)
                .setTokens(v.tokens().toString())
                .setDelegatorShares(Dec.toWire(new java.math.BigDecimal(v.tokens())))
                .setDescription(Description.newBuilder().setMoniker(v.description().moniker())
                        .setIdentity(v.description().identity()).setWebsite(v.description().website())
                        .setSecurityContact(v.description().securityContact())
                        .setDetails(v.description().details()))
                .setUnbondingTime(timestamp(Instant.EPOCH))
                .setCommission(Commission.newBuilder()
                        .setCommissionRates(CommissionRates.newBuilder().setRate(Dec.toWire(c.rate()))
                                .setMaxRate(Dec.toWire(c.maxRate())).setMaxChangeRate(Dec.toWire(c.maxChangeRate())))
                        .setUpdateTime(timestamp(c.updateTime())))
                .setMinSelfDelegation(v.minSelfDelegation().toString())
                .build();
    }

    static Event event(TxResult.Event event) {
        Event.Builder builder = Event.newBuilder().setType(event.type());
        event.attributes().forEach((k, v) -> builder.addAttributes(
                EventAttribute.newBuilder().setKey(k).setValue(v).setIndex(true)));
        return builder.build();
    }
}
