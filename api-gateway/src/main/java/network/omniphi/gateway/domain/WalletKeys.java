package network.omniphi.gateway.domain;

import io.smallrye.mutiny.Uni;

/** Port: the compressed secp256k1 public keys of wallets, learnt from their login signature. */
public interface WalletKeys {

    Uni<Void> remember(String walletAddress, byte[] compressedPubKey);

    /** The wallet's 33-byte public key, or null if it never logged in. */
    Uni<byte[]> find(String walletAddress);
}
