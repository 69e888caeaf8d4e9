package network.omniphi.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The Cosmos wire types kept in this module (a subset written from the upstream .proto files, see the header of each
 * file) carry the field numbers and names of cosmos-sdk v0.50.9 and CometBFT v0.38.17: a wrong number would decode
 * the chain's answers silently wrong. {@code upstream-field-numbers.txt} lists the upstream numbers (tags and commits
 * in its header); every field of every kept message must be there with the same number, and every line must name a
 * kept field. The named checks below stay as readable examples of the types the jail budget and vesting rely on.
 */
class CosmosFieldNumbersTest {

    /** One message of each kept file: the files, and the kept files they import, are walked from these. */
    private static final Set<FileDescriptor> ROOTS = Set.of(cosmos.tx.v1beta1.TxRaw.getDescriptor().getFile(),
            cosmos.tx.v1beta1.SimulateRequest.getDescriptor().getFile(),
            cosmos.auth.v1beta1.QueryAccountInfoRequest.getDescriptor().getFile(),
            cosmos.bank.v1beta1.QuerySpendableBalanceByDenomRequest.getDescriptor().getFile(),
            cosmos.staking.v1beta1.MsgCreateValidator.getDescriptor().getFile(),
            cosmos.staking.v1beta1.QueryValidatorRequest.getDescriptor().getFile(),
            cosmos.slashing.v1beta1.MsgUnjail.getDescriptor().getFile(),
            cosmos.slashing.v1beta1.ValidatorSigningInfo.getDescriptor().getFile(),
            cosmos.vesting.v1beta1.DelayedVestingAccount.getDescriptor().getFile(),
            cosmos.crypto.ed25519.PubKey.getDescriptor().getFile(),
            cosmos.crypto.secp256k1.PubKey.getDescriptor().getFile(),
            cosmos.base.tendermint.v1beta1.GetLatestBlockRequest.getDescriptor().getFile());

    @Test
    void everyKeptFieldHasItsUpstreamNumberAndEveryUpstreamLineAKeptField() throws IOException {
        Map<String, Integer> upstream = upstream();
        Map<String, Integer> kept = new TreeMap<>();
        for (FileDescriptor file : keptFiles()) {
            Deque<Descriptor> messages = new ArrayDeque<>(file.getMessageTypes());
            while (!messages.isEmpty()) {
                Descriptor d = messages.pop();
                messages.addAll(d.getNestedTypes());
                for (FieldDescriptor f : d.getFields()) {
                    kept.put(d.getFullName() + " " + f.getName(), f.getNumber());
                }
            }
        }
        assertThat(kept).hasSizeGreaterThan(200).isEqualTo(upstream);
    }

    @Test
    void theWalkReachesEveryKeptProtoFile() throws IOException {
        Set<String> onDisk = new java.util.TreeSet<>();
        for (String dir : List.of("cosmos", "tendermint")) {
            Path base = Path.of("src/main/proto");
            try (Stream<Path> files = Files.walk(base.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".proto"))
                        .forEach(p -> onDisk.add(base.relativize(p).toString().replace('\\', '/')));
            }
        }
        assertThat(keptFiles().stream().map(FileDescriptor::getName)).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    /** The root files and every imported file of a cosmos or tendermint package (google.protobuf is not ours). */
    private static Set<FileDescriptor> keptFiles() {
        Set<FileDescriptor> seen = new HashSet<>();
        Deque<FileDescriptor> todo = new ArrayDeque<>(ROOTS);
        while (!todo.isEmpty()) {
            FileDescriptor f = todo.pop();
            if ((f.getPackage().startsWith("cosmos.") || f.getPackage().startsWith("tendermint.")) && seen.add(f)) {
                todo.addAll(f.getDependencies());
            }
        }
        return seen;
    }

    private static Map<String, Integer> upstream() throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (InputStream in = CosmosFieldNumbersTest.class.getResourceAsStream("/upstream-field-numbers.txt")) {
            assertThat(in).as("upstream-field-numbers.txt on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                assertThat(out.put(parts[0] + " " + parts[1], Integer.parseInt(parts[2]))).as(line).isNull();
            }
        }
        return out;
    }

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
