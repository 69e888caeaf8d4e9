package network.omniphi.chain.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import network.omniphi.chain.domain.model.Coin;
import network.omniphi.chain.domain.model.CommissionRates;
import network.omniphi.chain.domain.model.Description;
import network.omniphi.chain.domain.model.SignMode;
import network.omniphi.codec.Secp256k1;
import network.omniphi.commons.error.FieldError;

/** Stateless checks of DESIGN.md's Cosmos rules (UTF-8 byte limits, commission bounds, amounts, keys). */
public final class InputRules {

    private static final Pattern DENOM = Pattern.compile("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,77}");

    private final Addresses addresses;

    public InputRules(Addresses addresses) {
        this.addresses = addresses;
    }

    public CreateValidatorCommand validate(CreateValidatorInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.setupRequestId() == null || in.setupRequestId().isBlank() || in.setupRequestId().length() > 128) {
            errors.add(new FieldError("setupRequestId", "is required (at most 128 characters)"));
        }
        String operator = wallet(in, errors);
        Description description = description(in, errors);
        CommissionRates commission = commission(in, errors);
        BigInteger minSelf = positiveInteger(in.minSelfDelegation(), "minSelfDelegation", errors);
        Coin self = selfDelegation(in, minSelf, errors);
        String consensusKey = consensusKey(in.consensusPubkey(), errors);
        endpoint(in.nodeRpcEndpoint(), errors);
        if (!errors.isEmpty()) {
            throw new ChainException.Invalid(ChainError.INVALID_INPUT, summary(errors), errors);
        }
        return new CreateValidatorCommand(in.setupRequestId(), in.walletAddress(), operator, in.signerPubkey(),
                description, commission, minSelf, self, consensusKey, blankToEmpty(in.nodeRpcEndpoint()),
                in.signMode() == null ? SignMode.DIRECT : in.signMode());
    }

    private String wallet(CreateValidatorInput in, List<FieldError> errors) {
        String operator;
        try {
            operator = addresses.operatorOf(in.walletAddress());
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError("walletAddress", "is not a valid " + addresses.accountPrefix() + " address"));
            return null;
        }
        byte[] key = in.signerPubkey();
        if (key == null || !Secp256k1.isValidPublicKey(key)) {
            errors.add(new FieldError("signerPubkey", "must be a 33-byte compressed secp256k1 public key"));
        } else if (!addresses.accountOf(key).equals(in.walletAddress())) {
            throw new ChainException.Invalid(ChainError.WALLET_PUBKEY_MISMATCH,
                    "signerPubkey does not derive walletAddress",
                    List.of(new FieldError("signerPubkey", "does not derive walletAddress")));
        }
        return operator;
    }

    static Description description(CreateValidatorInput in, List<FieldError> errors) {
        String moniker = blankToEmpty(in.moniker());
        if (moniker.isBlank()) {
            errors.add(new FieldError("moniker", "is required"));
        }
        maxBytes("moniker", moniker, 70, errors);
        maxBytes("identity", in.identity(), 3000, errors);
        maxBytes("website", in.website(), 140, errors);
        maxBytes("securityContact", in.securityContact(), 140, errors);
        maxBytes("details", in.details(), 280, errors);
        return new Description(moniker, blankToEmpty(in.identity()), blankToEmpty(in.website()),
                blankToEmpty(in.securityContact()), blankToEmpty(in.details()));
    }

    static CommissionRates commission(CreateValidatorInput in, List<FieldError> errors) {
        BigDecimal rate = decimal(in.commissionRate(), "commissionRate", errors);
        BigDecimal max = decimal(in.maxRate(), "maxRate", errors);
        BigDecimal change = decimal(in.maxChangeRate(), "maxChangeRate", errors);
        if (rate == null || max == null || change == null) {
            return null;
        }
        if (max.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError("maxRate", "must not exceed 1"));
        }
        if (rate.compareTo(max) > 0) {
            errors.add(new FieldError("commissionRate", "must not exceed maxRate"));
        }
        if (change.compareTo(max) > 0) {
            errors.add(new FieldError("maxChangeRate", "must not exceed maxRate"));
        }
        return new CommissionRates(rate, max, change);
    }

    private static Coin selfDelegation(CreateValidatorInput in, BigInteger minSelf, List<FieldError> errors) {
        String denom = blankToEmpty(in.selfDelegationDenom());
        if (!DENOM.matcher(denom).matches()) {
            errors.add(new FieldError("selfDelegation.denom", "is not a valid denom"));
        }
        BigInteger amount = positiveInteger(in.selfDelegationAmount(), "selfDelegation.amount", errors);
        if (amount != null && minSelf != null && amount.compareTo(minSelf) < 0) {
            errors.add(new FieldError("selfDelegation.amount", "must be at least minSelfDelegation"));
        }
        return amount == null ? null : new Coin(denom, amount);
    }

    private static String consensusKey(String base64, List<FieldError> errors) {
        try {
            byte[] key = Base64.getDecoder().decode(blankToEmpty(base64));
            if (key.length == 32) {
                return Base64.getEncoder().encodeToString(key);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("consensusPubkey", "must be the base64 of a 32-byte ed25519 public key"));
        return null;
    }

    private static void endpoint(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("nodeRpcEndpoint", "must be an http(s) URL"));
    }

    private static BigDecimal decimal(String text, String field, List<FieldError> errors) {
        try {
            return LegacyDec.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static BigInteger positiveInteger(String text, String field, List<FieldError> errors) {
        if (text == null || !INTEGER.matcher(text).matches() || new BigInteger(text).signum() <= 0) {
            errors.add(new FieldError(field, "must be a positive integer"));
            return null;
        }
        return new BigInteger(text);
    }

    private static void maxBytes(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length > max) {
            errors.add(new FieldError(field, "must be at most " + max + " bytes (UTF-8)"));
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
