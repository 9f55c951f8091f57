package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

@Mapper
public interface AuditMapper {

    void insert(AuditEventRow row);

    /** {@code environment} null: any; {@code withoutEnvironment}: also events of no environment. */
    List<AuditEventRow> list(@Param("workspaceId") String workspaceId, @Param("action") String action,
                             @Param("actorId") String actorId, @Param("targetId") String targetId,
                             @Param("from") Instant from, @Param("to") Instant to,
                             @Param("environment") String environment,
                             @Param("withoutEnvironment") boolean withoutEnvironment,
                             @Param("afterId") String afterId, @Param("limit") int limit);

    int purgeBefore(@Param("plan") String plan, @Param("before") Instant before);
}
