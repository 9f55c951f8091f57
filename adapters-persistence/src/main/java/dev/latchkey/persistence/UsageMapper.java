package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes take parallel arrays (one element per row), so that a batch of any size is one statement with a fixed
 * number of parameters. Instants travel as ISO-8601 strings ({@link Instant#toString()}, always UTC).
 */
@Mapper
public interface UsageMapper {

    /** Adds request counts to the minute and day rows of known keys, both tables in one statement. */
    int addCounts(@Param("keyIds") String[] keyIds, @Param("minutes") String[] minutes,
                  @Param("requests") Long[] requests);

    /** Moves last use forward; one element per key. */
    int touchLastUsed(@Param("keyIds") String[] keyIds, @Param("ats") String[] ats, @Param("ips") String[] ips);

    List<UsageBucketRow> perMinute(@Param("workspaceId") String workspaceId, @Param("environment") String environment,
                                   @Param("keyId") String keyId, @Param("from") Instant from, @Param("to") Instant to);

    List<UsageDayRow> perDay(@Param("workspaceId") String workspaceId, @Param("environment") String environment,
                             @Param("keyId") String keyId, @Param("fromDay") LocalDate fromDay,
                             @Param("toDay") LocalDate toDay);

    int purgeMinutesBefore(@Param("before") Instant before);
}
