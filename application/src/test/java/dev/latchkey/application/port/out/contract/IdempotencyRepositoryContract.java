package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.IdempotencyRepository.IdempotencyRecord;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.Transactions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyRepository} does; run by the in-memory fake and by the MyBatis adapter. Every test
 * uses scopes of its own, so the adapters may share one store.
 */
public abstract class IdempotencyRepositoryContract {

    private static final Instant AT = Instant.parse("2026-11-22T08:00:00.123456Z");
    private static final byte[] FINGERPRINT = {0, 1, 2, (byte) 0xff};

    protected abstract IdempotencyRepository records();

    protected abstract Transactions transactions();

    private <T> T write(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    private static String newScope() {
        return "ws_" + UUID.randomUUID() + "/live/key_" + UUID.randomUUID();
    }

    @Test
    void aKeyIsClaimedOncePerScope() {
        String scope = newScope();
        String otherScope = newScope();
        String key = "a".repeat(255);

        assertThat(write(() -> records().claim(scope, key, FINGERPRINT, AT))).isTrue();
        assertThat(write(() -> records().claim(scope, key, new byte[]{9}, AT.plusSeconds(1)))).isFalse();
        assertThat(write(() -> records().claim(otherScope, key, new byte[]{9}, AT))).isTrue();
        assertThat(write(() -> records().claim(scope, "b", new byte[]{9}, AT))).isTrue();

        IdempotencyRecord found = records().find(scope, key).orElseThrow();
        assertThat(found.scope()).isEqualTo(scope);
        assertThat(found.key()).isEqualTo(key);
        assertThat(found.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(found.createdAt()).isEqualTo(AT);
        assertThat(found.completed()).isFalse();
        assertThat(found.status()).isNull();
        assertThat(found.contentType()).isNull();
        assertThat(found.body()).isNull();
        assertThat(records().find(otherScope, key).orElseThrow().fingerprint()).containsExactly(9);
        assertThat(records().find(newScope(), key)).isEmpty();
    }

    @Test
    void aClaimedRecordIsCompletedWithItsResponse() {
        String scope = newScope();
        SealedSecret body = new SealedSecret(new byte[]{42, 0, -1});
        write(() -> records().claim(scope, "k", FINGERPRINT, AT));

        write(() -> {
            records().complete(scope, "k", 201, "application/json", body);
            return null;
        });

        IdempotencyRecord found = records().find(scope, "k").orElseThrow();
        assertThat(found.completed()).isTrue();
        assertThat(found.status()).isEqualTo(201);
        assertThat(found.contentType()).isEqualTo("application/json");
        assertThat(found.body()).isEqualTo(body);
        assertThat(found.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(found.createdAt()).isEqualTo(AT);
    }

    @Test
    void completingAnUnclaimedKeyStoresNothing() {
        String scope = newScope();

        write(() -> {
            records().complete(scope, "k", 200, "application/json", new SealedSecret(new byte[]{1}));
            return null;
        });

        assertThat(records().find(scope, "k")).isEmpty();
    }

    @Test
    void aDeletedRecordCanBeClaimedAgain() {
        String scope = newScope();
        write(() -> records().claim(scope, "k", FINGERPRINT, AT));
        write(() -> records().claim(scope, "other", FINGERPRINT, AT));

        write(() -> {
            records().delete(scope, "k");
            records().delete(scope, "never claimed");
            return null;
        });

        assertThat(records().find(scope, "k")).isEmpty();
        assertThat(records().find(scope, "other")).isPresent();
        assertThat(write(() -> records().claim(scope, "k", new byte[]{7}, AT.plusSeconds(5)))).isTrue();
        assertThat(records().find(scope, "k").orElseThrow().createdAt()).isEqualTo(AT.plusSeconds(5));
    }

    @Test
    void purgeDeletesTheRecordsCreatedBeforeAnInstantAndCountsThem() {
        // long before every other test's records: the count is exact even in a shared store
        Instant before = Instant.parse("2001-01-01T00:00:00.000001Z");
        String scope = newScope();
        write(() -> records().claim(scope, "old", FINGERPRINT, before.minusSeconds(3600)));
        write(() -> records().claim(scope, "just before", FINGERPRINT, before.minusNanos(1000)));
        write(() -> records().claim(scope, "at", FINGERPRINT, before));
        write(() -> records().claim(scope, "after", FINGERPRINT, before.plusMillis(1)));
        write(() -> {
            records().complete(scope, "old", 200, "application/json", new SealedSecret(new byte[]{1}));
            return null;
        });

        assertThat(write(() -> records().purgeCreatedBefore(before))).isEqualTo(2);
        assertThat(write(() -> records().purgeCreatedBefore(before))).isZero();

        assertThat(records().find(scope, "old")).isEmpty();
        assertThat(records().find(scope, "just before")).isEmpty();
        assertThat(records().find(scope, "at")).isPresent();
        assertThat(records().find(scope, "after")).isPresent();
    }
}
