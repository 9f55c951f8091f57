package dev.latchkey.persistence;

import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

@Repository
public class MyBatisIdempotencyRepository implements IdempotencyRepository {

    private final IdempotencyMapper mapper;

    public MyBatisIdempotencyRepository(IdempotencyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean claim(String scope, String key, byte[] fingerprint, Instant at) {
        return StoreFailures.guard(() -> mapper.claim(scope, key, fingerprint, at)) > 0;
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.find(scope, key))).map(IdempotencyRow::toRecord);
    }

    @Override
    public void complete(String scope, String key, int status, String contentType, SealedSecret body) {
        byte[] bytes = body == null ? null : body.bytes();
        StoreFailures.guard(() -> mapper.complete(scope, key, status, contentType, bytes));
    }

    @Override
    public void delete(String scope, String key) {
        StoreFailures.guard(() -> mapper.delete(scope, key));
    }

    @Override
    public int purgeCreatedBefore(Instant before) {
        return StoreFailures.guard(() -> mapper.purgeCreatedBefore(before));
    }
}
