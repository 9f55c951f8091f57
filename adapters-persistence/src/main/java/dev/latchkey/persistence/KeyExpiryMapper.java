package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

/** The expiry sweep's queries on {@code api_keys} ({@code expiry_recorded_at}). */
@Mapper
public interface KeyExpiryMapper {

    List<ExpiredKeyRow> claimUnrecorded(@Param("now") Instant now, @Param("limit") int limit);

    int markRecorded(@Param("id") String id, @Param("at") Instant at);
}
