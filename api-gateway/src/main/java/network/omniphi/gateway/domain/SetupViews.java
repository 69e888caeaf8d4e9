package network.omniphi.gateway.domain;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Read port of the setup views: each call is one SQL statement on its own (no session or transaction needed), so a
 * read costs one database round trip whatever the number of setups, nodes and chain rows it joins.
 */
public interface SetupViews {

    /** The setup with its node and chain info (each may be absent), or null when there is no such setup. */
    Uni<SetupView> view(UUID id);

    /** Every setup of the wallet with its node and chain info, newest first. */
    Uni<List<SetupView>> byWallet(String walletAddress);

    /**
     * Up to {@code limit} setups of the wallet, newest first, strictly after {@code after} in that order (from the
     * newest when null).
     */
    Uni<List<SetupView>> byWallet(String walletAddress, WalletPage.Cursor after, int limit);

    /** The wallet that owns a setup, or null when there is no such setup. */
    Uni<String> ownerOf(UUID id);
}
