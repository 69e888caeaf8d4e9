package network.omniphi.devnet.api.grpc;

import com.google.protobuf.InvalidProtocolBufferException;

import network.omniphi.devnet.domain.TxRecord;
import network.omniphi.devnet.domain.TxResult;

import cosmos.base.abci.v1beta1.TxResponse;
import cosmos.tx.v1beta1.AuthInfo;
import cosmos.tx.v1beta1.GetTxResponse;
import cosmos.tx.v1beta1.Tx;
import cosmos.tx.v1beta1.TxBody;
import cosmos.tx.v1beta1.TxRaw;

/** Included tx → GetTxResponse (decoded Tx plus TxResponse with height, code, log, gas, events). */
final class TxRecordMapper {

    private TxRecordMapper() {
    }

    static GetTxResponse getTxResponse(TxRecord record) {
        Tx tx = tx(record.tx().raw());
        TxResult r = record.result();
        TxResponse.Builder response = TxResponse.newBuilder().setHeight(record.height()).setTxhash(record.hash())
                .setCodespace(r.codespace()).setCode(r.code()).setRawLog(r.rawLog()).setGasWanted(r.gasWanted())
                .setGasUsed(r.gasUsed()).setTx(ProtoMapper.pack(tx))
                .setTimestamp(ProtoMapper.rfc3339(record.time()));
        r.events().forEach(e -> response.addEvents(ProtoMapper.event(e)));
        return GetTxResponse.newBuilder().setTx(tx).setTxResponse(response).build();
    }

    private static Tx tx(byte[] raw) {
        try {
            TxRaw txRaw = TxRaw.parseFrom(raw);
            return Tx.newBuilder().setBody(TxBody.parseFrom(txRaw.getBodyBytes()))
                    .setAuthInfo(AuthInfo.parseFrom(txRaw.getAuthInfoBytes()))
                    .addAllSignatures(txRaw.getSignaturesList()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an included tx always decodes", e);
        }
    }
}
