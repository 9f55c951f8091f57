package dev.latchkey.persistence;

import dev.latchkey.application.port.out.UsageRepository.Bucket;

import java.time.Instant;

/** Requests of one minute. */
public record UsageBucketRow(Instant minute, Long requests) {

    Bucket toBucket() {
        return new Bucket(minute, requests);
    }
}
