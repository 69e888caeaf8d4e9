package network.omniphi.gateway.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of GET by-wallet ({@code ?limit=&cursor=}): the items, newest first, and the cursor of the next page. */
@Schema(name = "WalletValidatorPage")
public record WalletValidatorPage(List<WalletValidator> items,
        @Schema(description = "Pass as ?cursor= for the next page; null on the last page") String nextCursor) {
}
