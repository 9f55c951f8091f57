package dev.latchkey.persistence;

import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.domain.apikey.ApiKeyId;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The expiry sweep on {@code api_keys.expiry_recorded_at}: claims with {@code FOR UPDATE SKIP LOCKED}. */
@Repository
public class MyBatisKeyExpiryRepository implements KeyExpiryRepository {

    private final KeyExpiryMapper mapper;

    public MyBatisKeyExpiryRepository(KeyExpiryMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<ExpiredKey> claimUnrecorded(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        return StoreFailures.guard(() -> mapper.claimUnrecorded(now, limit)).stream()
                .map(ExpiredKeyRow::toPort).toList();
    }

    @Override
    public boolean markRecorded(ApiKeyId id, Instant at) {
        Objects.requireNonNull(at, "at");
        return StoreFailures.guard(() -> mapper.markRecorded(id.value(), at)) > 0;
    }
}
