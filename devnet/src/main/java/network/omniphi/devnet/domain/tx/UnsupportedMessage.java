package network.omniphi.devnet.domain.tx;

/** A message type the devnet does not execute. */
public record UnsupportedMessage(String typeUrl) implements TxMessage {
}
