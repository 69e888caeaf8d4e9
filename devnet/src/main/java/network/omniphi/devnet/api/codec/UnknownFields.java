package network.omniphi.devnet.api.codec;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;

import network.omniphi.devnet.domain.ChainError;
import network.omniphi.devnet.domain.ChainException;

/**
 * The SDK's unknown-field check on decoded txs (cosmos-sdk v0.50.x {@code codec/unknownproto/unknown_fields.go},
 * applied by {@code x/auth/tx/decoder.go} DefaultTxDecoder): {@code TxRaw} and {@code AuthInfo} are strict (any field
 * the schema does not know fails the tx with sdk code 2 "tx parse error"), {@code TxBody} tolerates unknown
 * <em>non-critical</em> fields (field numbers with bit 11 set, {@code tagNum & 1024 != 0}) and refuses critical ones.
 * The check descends into nested messages, and the codec applies it to what it unpacks from {@code Any} values
 * (messages, public keys) with the rule of the enclosing part, as unknownproto resolves and descends into {@code Any}.
 * A devnet that parsed leniently would accept a tx a real chain refuses (e.g. a wallet that re-encodes with a newer
 * schema), so it refuses it the same way.
 */
final class UnknownFields {

    /** unknownproto {@code bit11NonCritical}. */
    static final int NON_CRITICAL_BIT = 1 << 10;

    private UnknownFields() {
    }

    /** Refuses any unknown field in {@code message} or a message nested in it. */
    static void rejectStrict(Message message) {
        reject(message, false);
    }

    /** Refuses unknown critical fields; unknown non-critical ones (bit 11 set) pass, as in the SDK's TxBody. */
    static void rejectCritical(Message message) {
        reject(message, true);
    }

    private static void reject(Message message, boolean allowNonCritical) {
        for (Map.Entry<Integer, UnknownFieldSet.Field> e : message.getUnknownFields().asMap().entrySet()) {
            int tag = e.getKey();
            boolean critical = (tag & NON_CRITICAL_BIT) == 0;
            if (critical || !allowNonCritical) {
                throw new ChainException(ChainError.TX_DECODE, "errUnknownField \""
                        + message.getDescriptorForType().getFullName() + "\": {TagNum: " + tag + ", WireType:\""
                        + wireType(e.getValue()) + "\"}");
            }
        }
        for (Map.Entry<FieldDescriptor, Object> f : message.getAllFields().entrySet()) {
            if (f.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (f.getKey().isRepeated()) {
                for (Object item : (List<?>) f.getValue()) {
                    reject((Message) item, allowNonCritical);
                }
            } else {
                reject((Message) f.getValue(), allowNonCritical);
            }
        }
    }

    /** The wire type names of protowire, as the SDK's error prints them. */
    private static String wireType(UnknownFieldSet.Field field) {
        if (!field.getVarintList().isEmpty()) {
            return "varint";
        }
        if (!field.getFixed64List().isEmpty()) {
            return "fixed64";
        }
        if (!field.getLengthDelimitedList().isEmpty()) {
            return "bytes";
        }
        if (!field.getGroupList().isEmpty()) {
            return "start_group";
        }
        return "fixed32";
    }
}
