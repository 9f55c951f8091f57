package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface ApiKeyMapper {

    int insert(ApiKeyRow row);

    ApiKeyRow findByHash(String keyHash);

    List<ApiKeyRow> list(@Param("workspaceId") String workspaceId, @Param("environment") String environment,
                         @Param("afterId") String afterId, @Param("limit") int limit);
}
