package network.omniphi.commons.error;

/** One wrong input field: its JSON name (dotted path for nested fields) and what is wrong with it. */
public record FieldError(String field, String message) {
}
