package network.omniphi.devnet.domain.tx;

/** A message in a tx body: the devnet executes {@link MsgCreateValidator}; other types are refused. */
public sealed interface TxMessage permits MsgCreateValidator, UnsupportedMessage {

    String typeUrl();
}
