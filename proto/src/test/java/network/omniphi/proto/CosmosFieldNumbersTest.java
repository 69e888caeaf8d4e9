package network.omniphi.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;

/**
 * The Cosmos wire types kept in this module (a subset written from the upstream .proto files, see the header of each
 * file) carry the field numbers and names of cosmos-sdk v0.50.x: a wrong number would decode the chain's answers
 * silently wrong. Numbers from proto/cosmos/{slashing,auth,bank,vesting}/... at cosmos-sdk v0.50.x.
 */
class CosmosFieldNumbersTest {

    @Test
    void slashingTypes() {
        assertThat(fields(cosmos.slashing.v1beta1.ValidatorSigningInfo.getDescriptor())).isEqualTo(Map.of(
                "address", 1, "start_height", 2, "index_offset", 3, "jailed_until", 4, "tombstoned", 5,
                "missed_blocks_counter", 6));
        assertThat(fields(cosmos.slashing.v1beta1.QuerySigningInfoRequest.getDescriptor()))
                .isEqualTo(Map.of("cons_address", 1));
        assertThat(fields(cosmos.slashing.v1beta1.QuerySigningInfoResponse.getDescriptor()))
                .isEqualTo(Map.of("val_signing_info", 1));
        assertThat(fields(cosmos.slashing.v1beta1.MsgUnjail.getDescriptor())).isEqualTo(Map.of("validator_addr", 1));
        assertThat(fields(cosmos.slashing.v1beta1.Params.getDescriptor())).isEqualTo(Map.of(
                "signed_blocks_window", 1, "min_signed_per_window", 2, "downtime_jail_duration", 3,
                "slash_fraction_double_sign", 4, "slash_fraction_downtime", 5));
    }

    @Test
    void authBankAndVestingTypes() {
        assertThat(fields(cosmos.auth.v1beta1.QueryAccountInfoRequest.getDescriptor())).isEqualTo(Map.of("address", 1));
        assertThat(fields(cosmos.auth.v1beta1.QueryAccountInfoResponse.getDescriptor())).isEqualTo(Map.of("info", 1));
        assertThat(fields(cosmos.bank.v1beta1.QuerySpendableBalanceByDenomRequest.getDescriptor()))
                .isEqualTo(Map.of("address", 1, "denom", 2));
        assertThat(fields(cosmos.bank.v1beta1.QuerySpendableBalanceByDenomResponse.getDescriptor()))
                .isEqualTo(Map.of("balance", 1));
        assertThat(fields(cosmos.vesting.v1beta1.BaseVestingAccount.getDescriptor())).isEqualTo(Map.of(
                "base_account", 1, "original_vesting", 2, "delegated_free", 3, "delegated_vesting", 4,
                "end_time", 5));
        assertThat(fields(cosmos.vesting.v1beta1.ContinuousVestingAccount.getDescriptor()))
                .isEqualTo(Map.of("base_vesting_account", 1, "start_time", 2));
        assertThat(fields(cosmos.vesting.v1beta1.DelayedVestingAccount.getDescriptor()))
                .isEqualTo(Map.of("base_vesting_account", 1));
        assertThat(fields(cosmos.tx.v1beta1.TxBody.getDescriptor())).containsEntry("timeout_height", 3);
    }

    private static Map<String, Integer> fields(Descriptor d) {
        Map<String, Integer> out = new TreeMap<>();
        d.getFields().forEach(f -> out.put(f.getName(), f.getNumber()));
        return out;
    }
}
