package dev.latchkey.web.security;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JwtTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] SECRET = "a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwtSettings settings = new JwtSettings(SECRET, Duration.ofHours(24));
    private final List<String> checked = new ArrayList<>();
    private int currentVersion = 0;
    private final JwtTokens tokens = new JwtTokens(settings, clock, (userId, version) -> {
        checked.add(userId.value() + "@" + version);
        if (version != currentVersion) {
            throw new DomainException(ErrorCode.TOKEN_INVALID, "token is no longer valid");
        }
    });

    @Test
    void aTokenCarriesTheVersionItWasIssuedAtAndIsCheckedAgainstTheCurrentOne() {
        UserId ada = UserId.newId();
        String atTwo = tokens.issue(ada, 2).value();
        currentVersion = 2;

        assertThat(tokens.verify(atTwo)).isEqualTo(ada);
        assertThat(checked).containsExactly(ada.value() + "@2");

        currentVersion = 3;
        DomainException e = catchThrowableOfType(DomainException.class, () -> tokens.verify(atTwo));
        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void aNewUsersTokenIsAtVersionZero() {
        UserId ada = UserId.newId();

        tokens.verify(tokens.issue(ada).value());

        assertThat(checked).containsExactly(ada.value() + "@0");
    }

    @Test
    void aTokenIssuedBeforeVersionsExistedCountsAsVersionZero() {
        UserId ada = UserId.newId();

        tokens.verify(mint(ada, claims -> { }));

        assertThat(checked).containsExactly(ada.value() + "@0");
    }

    @Test
    void aVersionThatIsNotANaturalNumberIsInvalid() {
        UserId ada = UserId.newId();

        for (Object bad : List.of("1", -1, 1.5, Long.MAX_VALUE)) {
            DomainException e = catchThrowableOfType(DomainException.class,
                    () -> tokens.verify(mint(ada, claims -> claims.claim(JwtTokens.VERSION_CLAIM, bad))));
            assertThat(e).as("ver=%s", bad).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        }
        assertThat(checked).isEmpty();
    }

    @Test
    void theVersionIsNotCheckedForAnExpiredOrForeignToken() {
        JwtTokens yesterday = new JwtTokens(settings, Clock.fixed(NOW.minus(Duration.ofHours(25)), ZoneOffset.UTC));
        String expired = yesterday.issue(UserId.newId(), 0).value();

        assertThat(catchThrowableOfType(DomainException.class, () -> tokens.verify(expired)).code())
                .isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(checked).isEmpty();
    }

    @Test
    void tokensThatOnlyIssueRefuseToVerify() {
        JwtTokens issuing = new JwtTokens(settings, clock);
        String token = issuing.issue(UserId.newId()).value();

        assertThatIllegalStateException().isThrownBy(() -> issuing.verify(token));
    }

    private String mint(UserId userId, Consumer<JwtClaimsSet.Builder> extra) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256).build();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(JwtTokens.ISSUER).subject(userId.value())
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(3600));
        extra.accept(claims);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(),
                claims.build())).getTokenValue();
    }
}
