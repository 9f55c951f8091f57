package dev.latchkey.persistence;

import dev.latchkey.application.port.out.IdempotencyRepository.IdempotencyRecord;
import dev.latchkey.application.port.out.SealedSecret;

import java.time.Instant;

public record IdempotencyRow(String scope, String key, byte[] fingerprint, Instant createdAt, Integer status,
                             String contentType, byte[] body) {

    IdempotencyRecord toRecord() {
        return new IdempotencyRecord(scope, key, fingerprint, createdAt, status, contentType,
                body == null ? null : new SealedSecret(body));
    }
}
