package network.omniphi.chain.domain.model;

import java.math.BigDecimal;

public record SlashingParams(long signedBlocksWindow, BigDecimal minSignedPerWindow) {
}
