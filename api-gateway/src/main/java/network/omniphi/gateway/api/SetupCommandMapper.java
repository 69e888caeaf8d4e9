package network.omniphi.gateway.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import network.omniphi.commons.error.FieldError;
import network.omniphi.commons.json.JsonNumbers;
import network.omniphi.gateway.api.dto.CreateSetupRequestBody;
import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.NewSetup;

/** JSON body → domain command. Numbers are read as exact decimals (Jackson is set to BigDecimal for floats). */
final class SetupCommandMapper {

    private SetupCommandMapper() {
    }

    static NewSetup toCommand(CreateSetupRequestBody body) {
        if (body == null) {
            throw new GatewayException.InvalidRequest(List.of(new FieldError("body", "is required")));
        }
        return new NewSetup(body.walletAddress(), body.validatorName(), body.website(), body.description(),
                commission(body.commissionRate()), body.runMode(), body.provider());
    }

    private static String commission(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            // bounds before rendering: toPlainString of 1e999999999 would build a billion digits
            if (!JsonNumbers.withinBounds(node.decimalValue())) {
                throw new GatewayException.InvalidRequest(
                        List.of(new FieldError("commissionRate", JsonNumbers.MESSAGE)));
            }
            return node.decimalValue().toPlainString();
        }
        if (node.isTextual()) {
            return node.textValue().strip().isEmpty() ? "" : node.textValue();
        }
        throw new GatewayException.InvalidRequest(
                List.of(new FieldError("commissionRate", "must be a JSON number or a decimal string")));
    }
}
