package dev.latchkey.application.service.idempotency;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.IdempotencyUseCase;
import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.IdempotencyRepository.IdempotencyRecord;
import dev.latchkey.application.port.out.SecretSealer;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

public final class IdempotencyService implements IdempotencyUseCase {

    /** How long a response is replayed (PRODUCT.md §7). */
    public static final Duration LIFETIME = Duration.ofHours(24);
    /**
     * A request still unanswered after this long is taken to have died with its node (a crash between the change
     * and the record of its response), so a retry may run again instead of being refused for a day.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final IdempotencyRepository records;
    private final SecretSealer sealer;
    private final Transactions transactions;
    private final Clock clock;

    public IdempotencyService(IdempotencyRepository records, SecretSealer sealer, Transactions transactions,
                              Clock clock) {
        this.records = records;
        this.sealer = sealer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether {@code key} is a usable Idempotency-Key: 1..255 printable ASCII characters. */
    public static boolean isValidKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    @Override
    public Start begin(Caller caller, String idempotencyKey, String method, String path, byte[] body) {
        if (!isValidKey(idempotencyKey)) {
            throw new DomainException(ErrorCode.BAD_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
        String scope = caller.workspaceId().value() + "/" + caller.environment().code() + "/" + caller.credentialId();
        byte[] fingerprint = fingerprint(method, path, body);
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            if (transactions.inTransaction(() -> records.claim(scope, idempotencyKey, fingerprint, now))) {
                return new Start.Proceed(scope, idempotencyKey);
            }
            Optional<IdempotencyRecord> found = records.find(scope, idempotencyKey);
            if (found.isEmpty()) {
                continue; // deleted meanwhile: claim again
            }
            IdempotencyRecord record = found.get();
            boolean expired = !record.createdAt().isAfter(now.minus(LIFETIME));
            boolean abandoned = !record.completed() && !record.createdAt().isAfter(now.minus(ABANDONED_AFTER));
            if (expired || abandoned) {
                transactions.inTransaction(() -> {
                    records.delete(scope, idempotencyKey);
                    return null;
                });
                continue;
            }
            if (!MessageDigest.isEqual(record.fingerprint(), fingerprint)) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_CONFLICT, "this Idempotency-Key was already used "
                        + "with a different request; use a new key for a new request");
            }
            if (!record.completed()) {
                throw new DomainException(ErrorCode.CONFLICT,
                        "a request with this Idempotency-Key is still being processed; retry in a moment");
            }
            byte[] replayed = sealer.open(record.body(), context(scope, idempotencyKey));
            return new Start.Replay(new StoredResponse(record.status(), record.contentType(), replayed));
        }
        throw new DomainException(ErrorCode.CONFLICT,
                "a request with this Idempotency-Key is being processed concurrently; retry in a moment");
    }

    @Override
    public void complete(Start.Proceed claim, StoredResponse response) {
        transactions.inTransaction(() -> {
            records.complete(claim.scope(), claim.key(), response.status(), response.contentType(),
                    sealer.seal(response.body(), context(claim.scope(), claim.key())));
            return null;
        });
    }

    @Override
    public void abandon(Start.Proceed claim) {
        transactions.inTransaction(() -> {
            records.delete(claim.scope(), claim.key());
            return null;
        });
    }

    /** Deletes the records past their lifetime (their sealed responses with them); returns how many. */
    public int purgeExpired() {
        Instant before = clock.instant().minus(LIFETIME);
        return transactions.inTransaction(() -> records.purgeCreatedBefore(before));
    }

    private static String context(String scope, String key) {
        return "latchkey:idempotency:v1:" + scope + ":" + key;
    }

    private static byte[] fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
