package dev.latchkey.domain.apikey;

import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws_0123456789012345678901");

    private static ApiKey key(Instant expiresAt, Instant revokedAt) {
        return new ApiKey(new ApiKeyId("key_a"), WORKSPACE, "ci", KeyType.SECRET, Environment.TEST,
                "sk_test_abcd", "wxyz", new KeyHash("0".repeat(64)), Set.of(Scope.KEYS_READ), 60,
                List.of(), false, NOW.minus(Duration.ofDays(30)), expiresAt, revokedAt, null, null, null);
    }

    @Test
    void withoutExpiryOrRevocationAKeyIsActive() {
        assertThat(key(null, null).status(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void revokedAtExactlyNowIsRevoked() {
        assertThat(key(null, NOW).status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(key(null, NOW.minusNanos(1)).status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void aRevocationScheduledInTheFutureHasNotHappenedYet() {
        assertThat(key(null, NOW.plusNanos(1)).status(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void expiresAtExactlyNowIsExpired() {
        assertThat(key(NOW, null).status(NOW)).isEqualTo(ApiKeyStatus.EXPIRED);
        assertThat(key(NOW.minusSeconds(1), null).status(NOW)).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void expiringWithinTheWindowIsExpiring() {
        assertThat(key(NOW.plusNanos(1), null).status(NOW)).isEqualTo(ApiKeyStatus.EXPIRING);
        assertThat(key(NOW.plus(Duration.ofDays(1)), null).status(NOW)).isEqualTo(ApiKeyStatus.EXPIRING);
        assertThat(key(NOW.plus(ApiKey.EXPIRING_WINDOW).minusNanos(1), null).status(NOW))
                .isEqualTo(ApiKeyStatus.EXPIRING);
    }

    @Test
    void expiringBeyondTheWindowIsActive() {
        assertThat(key(NOW.plus(ApiKey.EXPIRING_WINDOW), null).status(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(key(NOW.plus(Duration.ofDays(365)), null).status(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void revocationWinsOverExpiry() {
        assertThat(key(NOW.minusSeconds(10), NOW.minusSeconds(5)).status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(key(NOW.plusSeconds(10), NOW).status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void statusCodesAreTheWireStrings() {
        assertThat(ApiKeyStatus.values()).extracting(ApiKeyStatus::code)
                .containsExactly("active", "expiring", "revoked", "expired");
    }

    @Test
    void issueStoresOnlyTheHashPrefixAndLast4OfTheSecret() {
        Instant expires = NOW.plus(Duration.ofDays(90));
        IssuedApiKey issued = ApiKey.issue(WORKSPACE, "deploy", KeyType.RESTRICTED, Environment.LIVE,
                Set.of(Scope.USAGE_READ, Scope.KEYS_READ), 600, expires, NOW, new SplittableRandom(1));

        ApiKey stored = issued.key();
        ApiKeySecret secret = issued.secret();
        assertThat(secret.reveal()).startsWith("rk_live_");
        assertThat(stored.id().value()).startsWith("key_");
        assertThat(stored.workspaceId()).isEqualTo(WORKSPACE);
        assertThat(stored.name()).isEqualTo("deploy");
        assertThat(stored.type()).isEqualTo(KeyType.RESTRICTED);
        assertThat(stored.environment()).isEqualTo(Environment.LIVE);
        assertThat(stored.prefix()).isEqualTo(secret.prefix());
        assertThat(stored.last4()).isEqualTo(secret.last4());
        assertThat(stored.hash()).isEqualTo(KeyHash.of(secret.reveal()));
        assertThat(stored.scopes()).containsExactly(Scope.KEYS_READ, Scope.USAGE_READ);
        assertThat(stored.rateLimitPerMinute()).isEqualTo(600);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.expiresAt()).isEqualTo(expires);
        assertThat(stored.revokedAt()).isNull();
        assertThat(stored.lastUsedAt()).isNull();
        assertThat(stored.status(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(stored.scopes().contains(Scope.KEYS_READ)).isTrue();
        assertThat(stored.scopes().contains(Scope.KEYS_WRITE)).isFalse();
    }

    @Test
    void twoIssuedKeysDiffer() {
        SplittableRandom random = new SplittableRandom(3);
        IssuedApiKey a = ApiKey.issue(WORKSPACE, "a", KeyType.SECRET, Environment.TEST, Set.of(), 60, null, NOW, random);
        IssuedApiKey b = ApiKey.issue(WORKSPACE, "b", KeyType.SECRET, Environment.TEST, Set.of(), 60, null, NOW, random);

        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.key().id()).isNotEqualTo(b.key().id());
        assertThat(a.key().hash()).isNotEqualTo(b.key().hash());
    }

    @Test
    void rateLimitMustBePositive() {
        assertThatThrownBy(() -> new ApiKey(new ApiKeyId("key_a"), WORKSPACE, "ci", KeyType.SECRET,
                Environment.TEST, "sk_test_abcd", "wxyz", new KeyHash("0".repeat(64)), Set.of(), 0,
                List.of(), false, NOW, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scopesAreCopiedAndSorted() {
        java.util.HashSet<Scope> scopes = new java.util.HashSet<>(Set.of(Scope.WEBHOOKS_READ, Scope.AUDIT_READ));
        ApiKey key = new ApiKey(new ApiKeyId("key_a"), WORKSPACE, "ci", KeyType.SECRET, Environment.TEST,
                "sk_test_abcd", "wxyz", new KeyHash("0".repeat(64)), scopes, 60, List.of(), false, NOW, null, null,
                null, null, null);
        scopes.add(Scope.KEYS_WRITE);

        assertThat(key.scopes()).containsExactly(Scope.AUDIT_READ, Scope.WEBHOOKS_READ);
    }

    @Test
    void scopesCannotBeChangedThroughTheRecord() {
        ApiKey key = key(null, null);

        assertThatThrownBy(() -> key.scopes().add(Scope.KEYS_WRITE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(key.scopes()).containsExactly(Scope.KEYS_READ);
    }
}
