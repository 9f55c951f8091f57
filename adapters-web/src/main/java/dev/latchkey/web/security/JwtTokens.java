package dev.latchkey.web.security;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.user.UserId;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;

/** Issues and checks the HS256 JWTs of signed-in users (Spring Security's Nimbus support). */
@Component
public class JwtTokens {

    static final String ISSUER = "latchkey";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final JwtSettings settings;
    private final Clock clock;

    public JwtTokens(JwtSettings settings, Clock clock) {
        SecretKey key = new SecretKeySpec(settings.secret(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // expiry is checked below against our clock, so that it can say token_expired
        this.decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.settings = settings;
        this.clock = clock;
    }

    public record IssuedToken(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[redacted]";
        }
    }

    public IssuedToken issue(UserId userId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.value())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .id(Ids.random("jti"))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, settings.tokenTtl().toSeconds());
    }

    /** The user a token was issued to. @throws DomainException {@code token_invalid} or {@code token_expired} */
    public UserId verify(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            throw new DomainException(ErrorCode.TOKEN_INVALID, "token is not valid");
        }
        String subject = jwt.getSubject();
        if (!ISSUER.equals(jwt.getClaimAsString("iss")) || jwt.getExpiresAt() == null
                || subject == null || !Ids.looksLike(UserId.PREFIX, subject)) {
            throw new DomainException(ErrorCode.TOKEN_INVALID, "token is not valid");
        }
        if (!jwt.getExpiresAt().isAfter(clock.instant())) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "token has expired; sign in again");
        }
        return new UserId(subject);
    }
}
