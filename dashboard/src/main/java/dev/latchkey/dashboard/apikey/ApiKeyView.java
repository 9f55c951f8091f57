package dev.latchkey.dashboard.apikey;

import dev.latchkey.dashboard.support.Times;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A key as the pages show it: prefix and last four, never the key or its hash; times as of {@code now}. */
public record ApiKeyView(ApiKey key, Instant now) {

    /** The name of each type by its code, in the order forms offer them. */
    static final Map<String, String> TYPE_NAMES = typeNames();

    public String id() {
        return key.id().value();
    }

    public String name() {
        return key.name();
    }

    /** {@code sk_test_AbCd…wxYz} */
    public String masked() {
        return key.prefix() + "…" + key.last4();
    }

    /** {@code pk}, {@code sk} or {@code rk}. */
    public String type() {
        return key.type().code();
    }

    public String typeName() {
        return TYPE_NAMES.get(type());
    }

    public String environment() {
        return key.environment().code();
    }

    public List<String> scopes() {
        return key.scopes().stream().map(Scope::value).toList();
    }

    public String scopeCount() {
        return key.scopes().size() == 1 ? "1 scope" : key.scopes().size() + " scopes";
    }

    public int rateLimitPerMinute() {
        return key.rateLimitPerMinute();
    }

    public List<String> ipAllowlist() {
        return key.ipAllowlist().stream().map(IpRange::toString).toList();
    }

    public boolean signing() {
        return key.signing();
    }

    public String createdAt() {
        return Times.utc(key.createdAt());
    }

    public String createdOn() {
        return Times.day(key.createdAt());
    }

    public String createdAtIso() {
        return Times.iso(key.createdAt());
    }

    public String expiresAt() {
        return Times.utc(key.expiresAt());
    }

    public String expiresOn() {
        return Times.day(key.expiresAt());
    }

    public String expiresAtIso() {
        return Times.iso(key.expiresAt());
    }

    public String revokedAt() {
        return Times.utc(key.revokedAt());
    }

    public String revokedAtIso() {
        return Times.iso(key.revokedAt());
    }

    /** How long ago, or "never". */
    public String lastUsed() {
        return Times.ago(key.lastUsedAt(), now);
    }

    public String lastUsedAt() {
        return Times.utc(key.lastUsedAt());
    }

    public String lastUsedAtIso() {
        return Times.iso(key.lastUsedAt());
    }

    public String lastUsedIp() {
        return key.lastUsedIp();
    }

    public String rolledToId() {
        return key.rolledToId() == null ? null : key.rolledToId().value();
    }

    /** {@code active}, {@code expiring}, {@code revoked} or {@code expired}. */
    public String status() {
        return key.status(now).code();
    }

    /** The Bootstrap badge of the status. */
    public String statusBadge() {
        return switch (key.status(now)) {
            case ACTIVE -> "text-bg-success";
            case EXPIRING -> "text-bg-warning";
            case REVOKED -> "text-bg-danger";
            case EXPIRED -> "text-bg-secondary";
        };
    }

    /** Still accepted, so it may be revoked. */
    public boolean revocable() {
        return key.isUsable(now);
    }

    public boolean rollable() {
        return key.canRoll(now);
    }

    private static Map<String, String> typeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (KeyType type : KeyType.values()) {
            names.put(type.code(), switch (type) {
                case PUBLISHABLE -> "Publishable";
                case SECRET -> "Secret";
                case RESTRICTED -> "Restricted";
            });
        }
        return Collections.unmodifiableMap(names);
    }
}
