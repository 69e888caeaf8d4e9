package network.omniphi.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import network.omniphi.commons.error.FieldError;

class TextFieldsTest {

    private static List<FieldError> website(String value) {
        List<FieldError> errors = new ArrayList<>();
        TextFields.checkWebsite("website", value, 140, errors);
        return errors;
    }

    private static List<FieldError> identity(String value) {
        List<FieldError> errors = new ArrayList<>();
        TextFields.checkIdentity("identity", value, errors);
        return errors;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://example.org", "http://example.org", "https://validator.example.org/a/b?c=d#e",
            "HTTPS://EXAMPLE.ORG", "https://xn--bcher-kva.de", "https://example.org:8443/", "https://192.0.2.1/"})
    void websitesThatAreAbsoluteHttpUrls(String value) {
        assertThat(website(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox", "ftp://example.org", "file:///etc/passwd", "example.org", "//example.org",
            "https://user:pw@example.org", "https://user@example.org", "https://", "https:///path", "http:example.org",
            "https://exa mple.org", "https://example.org/\u202eevil", "mailto:ops@example.org"})
    void otherWebsitesAreRefused(String value) {
        assertThat(website(value)).extracting(FieldError::field).containsExactly("website");
    }

    @Test
    void aWebsiteOverTheByteLimitIsReportedOnce() {
        assertThat(website("https://" + "w".repeat(133))).extracting(FieldError::message)
                .containsExactly("must be at most 140 UTF-8 bytes (is 141)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6A0D65E29A4CBC8E", "6a0d65e29a4cbc8e", ""})
    void identityIsEmptyOrAKeybaseId(String value) {
        assertThat(identity(value)).isEmpty();
        assertThat(identity(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keybase:alice", "6A0D65E29A4CBC8", "6A0D65E29A4CBC8EF", "6A0D65E29A4CBC8G",
            " 6A0D65E29A4CBC8E", "0x6A0D65E29A4CBC"})
    void otherIdentitiesAreRefused(String value) {
        assertThat(identity(value)).extracting(FieldError::message)
                .containsExactly("must be a Keybase id of 16 hex digits (the key suffix)");
    }

    @Test
    void textFieldsCountBytesAndRefuseControlAndFormatCharacters() {
        List<FieldError> errors = new ArrayList<>();
        TextFields.check("validatorName", "é".repeat(36), 70, errors);
        TextFields.check("description", "line\nbreak", 280, errors);
        TextFields.check("securityContact", "ops\u200b@example.org", 140, errors);
        TextFields.check("website", null, 140, errors);
        assertThat(errors).containsExactly(
                new FieldError("validatorName", "must be at most 70 UTF-8 bytes (is 72)"),
                new FieldError("description", "must not contain control characters (U+000A)"),
                new FieldError("securityContact",
                        "must not contain invisible or bidirectional format characters (U+200B)"));
    }
}
