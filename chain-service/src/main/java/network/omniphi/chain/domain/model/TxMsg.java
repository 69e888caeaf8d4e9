package network.omniphi.chain.domain.model;

/** A message chain-service builds and checks: MsgCreateValidator or MsgUnjail (one per tx). */
public sealed interface TxMsg permits CreateValidatorMsg, UnjailMsg {

    /** The validator's operator address (the message's signer). */
    String operatorAddress();

    /** Protobuf Any type URL of the message. */
    String typeUrl();

    /** Stored kind: {@code create_validator} or {@code unjail}. */
    String kind();
}
