package network.omniphi.devnet.domain.tx;

/**
 * How this chain's SIGN_MODE_LEGACY_AMINO_JSON handler renders LegacyDec fields (commission rates): it follows the
 * chain binary's {@code cosmossdk.io/x/tx} version. Before v0.13.6 the proto string as is, the integer x 10^18
 * ({@code "100000000000000000"}); from v0.13.6 (cosmos-sdk #21825, #22161) the decimal with 18 places
 * ({@code "0.100000000000000000"}). The devnet verifies the configured form only, as a real chain does.
 */
public enum AminoDecForm {
    DECIMAL, INTEGER;

    public static AminoDecForm parse(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "decimal" -> DECIMAL;
            case "integer" -> INTEGER;
            default -> throw new IllegalArgumentException("devnet.amino-legacy-dec must be 'decimal' or 'integer'");
        };
    }
}
