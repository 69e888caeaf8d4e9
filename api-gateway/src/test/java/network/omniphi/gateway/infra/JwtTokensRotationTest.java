package network.omniphi.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import network.omniphi.gateway.config.AuthConfig;
import network.omniphi.gateway.domain.GatewayException;

/** Key files: generated 0600, kid per key, rotation keeps the previous key valid for verification only. */
class JwtTokensRotationTest {

    @TempDir
    Path dir;

    private Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void generatedKeyIsOwnerOnlyAndTokensVerify() throws Exception {
        Path key = dir.resolve("keys/signing-key.pem");
        JwtTokens tokens = new JwtTokens(config(key, List.of()), clock);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String token = tokens.issue("omni1abc").accessToken();
        assertThat(tokens.verify(token)).isEqualTo("omni1abc");
    }

    @Test
    void afterRotationOldTokensVerifyOnlyWhileTheOldPublicKeyIsListed() throws Exception {
        Path oldKey = dir.resolve("old.pem");
        JwtTokens before = new JwtTokens(config(oldKey, List.of()), clock);
        String oldToken = before.issue("omni1abc").accessToken();
        Path oldPub = dir.resolve("old.pub.pem");
        Files.writeString(oldPub, SigningKeys.publicPem((RSAPublicKey) SigningKeys.loadOrCreate(oldKey, false)
                .getPublic()));

        JwtTokens rotated = new JwtTokens(config(dir.resolve("new.pem"), List.of(oldPub)), clock);
        assertThat(rotated.currentKeyId()).isNotEqualTo(before.currentKeyId());
        assertThat(rotated.verify(oldToken)).isEqualTo("omni1abc");
        assertThat(rotated.verify(rotated.issue("omni1def").accessToken())).isEqualTo("omni1def");

        JwtTokens retired = new JwtTokens(config(dir.resolve("new.pem"), List.of()), clock);
        assertThatThrownBy(() -> retired.verify(oldToken)).isInstanceOf(GatewayException.Unauthenticated.class);
    }

    @Test
    void expiryIsCheckedAgainstTheInjectedClock() {
        JwtTokens tokens = new JwtTokens(config(dir.resolve("k.pem"), List.of()), clock);
        String token = tokens.issue("omni1abc").accessToken();
        clock = Clock.offset(clock, Duration.ofMinutes(16));
        JwtTokens later = new JwtTokens(config(dir.resolve("k.pem"), List.of()), clock);
        assertThatThrownBy(() -> later.verify(token)).isInstanceOfSatisfying(GatewayException.Unauthenticated.class,
                e -> assertThat(e.code()).isEqualTo("token-expired"));
    }

    @Test
    void aTokenVerifiedBeforeIsStillRefusedOnceItExpires() {
        Instant[] now = {Instant.parse("2026-11-25T12:00:00Z")};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        JwtTokens tokens = new JwtTokens(config(dir.resolve("m.pem"), List.of()), moving);
        String token = tokens.issue("omni1abc").accessToken();
        assertThat(tokens.verify(token)).isEqualTo("omni1abc");
        // the second check is answered from the tokens verified before; the expiry still counts
        assertThat(tokens.verify(token)).isEqualTo("omni1abc");
        now[0] = now[0].plus(Duration.ofMinutes(16));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(GatewayException.Unauthenticated.class,
                e -> assertThat(e.code()).isEqualTo("token-expired"));
        // and a forged variant of a remembered token is not the remembered token
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(GatewayException.Unauthenticated.class);
    }

    @Test
    void aTokenOfAnotherEnvironmentIsRefusedEvenWithTheSameKey() {
        Path key = dir.resolve("shared.pem");
        JwtTokens devnet = new JwtTokens(config(key, List.of(), "devnet"), clock);
        JwtTokens production = new JwtTokens(config(key, List.of(), "production"), clock);
        String devnetToken = devnet.issue("omni1abc").accessToken();

        assertThat(devnet.check(devnetToken).walletAddress()).isEqualTo("omni1abc");
        assertThatThrownBy(() -> production.verify(devnetToken)).isInstanceOfSatisfying(
                GatewayException.Unauthenticated.class, e -> assertThat(e.code()).isEqualTo("token-invalid"));
    }

    @Test
    void checkAnswersTheTokensIdAndExpiry() {
        JwtTokens tokens = new JwtTokens(config(dir.resolve("k.pem"), List.of()), clock);
        var issued = tokens.issue("omni1abc");
        var checked = tokens.check(issued.accessToken());
        assertThat(checked.expiresAt()).isEqualTo(issued.expiresAt());
        assertThat(checked.jti()).isNotNull().isNotEqualTo(tokens.check(tokens.issue("omni1abc").accessToken()).jti());
    }

    private static AuthConfig config(Path key, List<Path> previous) {
        return config(key, previous, "test");
    }

    private static AuthConfig config(Path key, List<Path> previous, String environment) {
        return new AuthConfig() {
            public String issuer() {
                return "https://omniphi.network/gateway";
            }

            public String environment() {
                return environment;
            }

            public String audience() {
                return "omniphi-api/" + environment;
            }

            public String uri() {
                return "https://localhost:8443";
            }

            public Duration revocationRefresh() {
                return Duration.ofSeconds(5);
            }

            public Duration tokenTtl() {
                return Duration.ofMinutes(15);
            }

            public Duration challengeTtl() {
                return Duration.ofMinutes(5);
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }

            public String domain() {
                return "omniphi.network";
            }

            public Path signingKey() {
                return key;
            }

            public Optional<List<Path>> previousPublicKeys() {
                return Optional.of(previous);
            }

            public String purgeInterval() {
                return "5m";
            }

            public boolean generateSigningKey() {
                return true;
            }
        };
    }
}
