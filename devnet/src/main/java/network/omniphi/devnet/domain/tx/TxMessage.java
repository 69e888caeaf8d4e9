package network.omniphi.devnet.domain.tx;

/** A message in a tx body: the devnet executes {@link MsgCreateValidator} and {@link MsgUnjail}; others are refused. */
public sealed interface TxMessage permits MsgCreateValidator, MsgUnjail, UnsupportedMessage {

    String typeUrl();
}
