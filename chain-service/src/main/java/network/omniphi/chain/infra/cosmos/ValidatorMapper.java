package network.omniphi.chain.infra.cosmos;

import java.util.Base64;

import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.chain.domain.LegacyDec;
import network.omniphi.chain.domain.model.BondStatus;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.ValidatorState;

import cosmos.staking.v1beta1.Validator;

/** staking Validator (protobuf) to the domain record. */
final class ValidatorMapper {

    private ValidatorMapper() {
    }

    static ValidatorState toDomain(Validator v) {
        var rates = v.getCommission().getCommissionRates();
        return new ValidatorState(v.getOperatorAddress(), consensusKey(v), v.getJailed(), status(v.getStatus()),
                CosmosMessages.integer(v.getTokens()),
                new CommissionRates(LegacyDec.fromProto(rates.getRate()), LegacyDec.fromProto(rates.getMaxRate()),
                        LegacyDec.fromProto(rates.getMaxChangeRate())),
                v.getDescription().getMoniker());
    }

    private static String consensusKey(Validator v) {
        if (!CosmosMessages.ED25519_URL.equals(v.getConsensusPubkey().getTypeUrl())) {
            return "";
        }
        try {
            return Base64.getEncoder().encodeToString(cosmos.crypto.ed25519.PubKey
                    .parseFrom(v.getConsensusPubkey().getValue()).getKey().toByteArray());
        } catch (InvalidProtocolBufferException e) {
            return "";
        }
    }

    private static BondStatus status(cosmos.staking.v1beta1.BondStatus s) {
        return switch (s) {
            case BOND_STATUS_BONDED -> BondStatus.BONDED;
            case BOND_STATUS_UNBONDING -> BondStatus.UNBONDING;
            case BOND_STATUS_UNBONDED -> BondStatus.UNBONDED;
            default -> BondStatus.UNSPECIFIED;
        };
    }
}
