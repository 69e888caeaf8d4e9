package network.omniphi.provisioning.domain;

/**
 * What a node reports about itself on its CometBFT {@code /status}: the consensus public key (base64 of the 32-byte
 * ed25519 key, from {@code validator_info.pub_key}), its latest block height and whether it is catching up.
 */
public record StatusReading(String consensusPubkey, long height, boolean catchingUp) {
}
