package dev.latchkey.web.security;

import dev.latchkey.application.port.in.CheckUserTokenUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.user.UserId;
import org.springframework.beans.factory.annotation.Autowired;
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

/**
 * Issues and checks the HS256 JWTs of signed-in users (Spring Security's Nimbus support). Each token carries the
 * user's token version ({@value #VERSION_CLAIM}; absent in tokens issued before versions existed, meaning 0): a token
 * whose signature and expiry are fine is still refused ({@code token_invalid}) once the user's password has changed
 * since it was issued.
 */
@Component
public class JwtTokens {

    static final String ISSUER = "latchkey";
    static final String VERSION_CLAIM = "ver";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final JwtSettings settings;
    private final Clock clock;
    private final CheckUserTokenUseCase current;

    /** Tokens whose version is checked against the user's current one on every {@link #verify}. */
    @Autowired
    public JwtTokens(JwtSettings settings, Clock clock, CheckUserTokenUseCase current) {
        SecretKey key = new SecretKeySpec(settings.secret(), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // expiry is checked below against our clock, so that it can say token_expired
        this.decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.settings = settings;
        this.clock = clock;
        this.current = current;
    }

    /**
     * For issuing only (e.g. tests minting tokens): without a way to read the users' token versions, its
     * {@link #verify} refuses to vouch for any token.
     */
    public JwtTokens(JwtSettings settings, Clock clock) {
        this(settings, clock, (userId, version) -> {
            throw new IllegalStateException("these JwtTokens only issue tokens; they cannot check token versions");
        });
    }

    public record IssuedToken(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[redacted]";
        }
    }

    /** A token for a user at token version 0 (a new user, whose password was never changed). */
    public IssuedToken issue(UserId userId) {
        return issue(userId, 0);
    }

    /** A token for a user at {@code tokenVersion}: it stops working when the user's version moves on. */
    public IssuedToken issue(UserId userId, int tokenVersion) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.value())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .id(Ids.random("jti"))
                .claim(VERSION_CLAIM, tokenVersion)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, settings.tokenTtl().toSeconds());
    }

    /**
     * The user a token was issued to, if it is still good: signature, issuer, expiry, and the user's current token
     * version (one read of the user).
     *
     * @throws DomainException {@code token_invalid} or {@code token_expired}
     */
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
        UserId userId = new UserId(subject);
        current.requireCurrent(userId, version(jwt));
        return userId;
    }

    /** The token's version: 0 when it has none (issued before versions existed); invalid when it is not a number. */
    private static int version(Jwt jwt) {
        Object claim = jwt.getClaims().get(VERSION_CLAIM);
        if (claim == null) {
            return 0;
        }
        if (claim instanceof Number number && number.longValue() >= 0 && number.longValue() <= Integer.MAX_VALUE
                && number.doubleValue() == number.longValue()) {
            return number.intValue();
        }
        throw new DomainException(ErrorCode.TOKEN_INVALID, "token is not valid");
    }
}
