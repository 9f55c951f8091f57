package dev.latchkey.persistence;

import dev.latchkey.application.port.out.UsageRepository.Bucket;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Requests of one UTC day. */
public record UsageDayRow(LocalDate day, Long requests) {

    Bucket toBucket() {
        return new Bucket(day.atStartOfDay(ZoneOffset.UTC).toInstant(), requests);
    }
}
