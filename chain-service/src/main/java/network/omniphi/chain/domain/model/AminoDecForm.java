package network.omniphi.chain.domain.model;

/**
 * How the chain's SIGN_MODE_LEGACY_AMINO_JSON handler renders {@code cosmos.Dec} (LegacyDec) fields such as commission
 * rates. It depends on the chain binary's {@code cosmossdk.io/x/tx} version (its {@code go.mod}): before v0.13.6 the
 * encoder wrote the proto string as is, the integer x 10^18 ({@code "100000000000000000"}); x/tx v0.13.6 (2024-12-12,
 * cosmos-sdk #21825 "Fix decimal encoding", #22161 "special case for string represented decimals") and later write
 * the decimal with 18 places ({@code "0.100000000000000000"}), as amino (and CosmJS) always did.
 */
public enum AminoDecForm {
    /** x/tx v0.13.6 and later: {@code "0.100000000000000000"}. */
    DECIMAL,
    /** x/tx before v0.13.6: {@code "100000000000000000"}. */
    INTEGER;

    public static AminoDecForm parse(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "decimal" -> DECIMAL;
            case "integer" -> INTEGER;
            default -> throw new IllegalArgumentException(
                    "omniphi.chain.amino-legacy-dec must be 'decimal' (x/tx >= v0.13.6) or 'integer' (x/tx < v0.13.6)");
        };
    }
}
