package network.omniphi.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The portal module's build is served at / on the API's origin, with a CSP that allows exactly what it needs. */
@QuarkusTest
class PortalServingTest {

    @Test
    void slashServesThePortalAndItsAssetsWithThePortalsContentSecurityPolicy() {
        Response page = given().get("/");
        page.then().statusCode(200).contentType("text/html");
        String html = page.asString();
        assertThat(html).contains("<div id=\"root\"></div>").contains("<title>Omniphi validator portal</title>");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("connect-src 'self' http://127.0.0.1:15000")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");

        Matcher script = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\"")
                .matcher(html);
        assertThat(script.find()).as("index.html loads a built module script").isTrue();
        given().get(script.group(1)).then().statusCode(200).contentType(containsJavascript());
        // the API keeps its own, stricter policy
        assertThat(given().get("/api/v1/config").header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    private static String containsJavascript() {
        return "text/javascript";
    }
}
