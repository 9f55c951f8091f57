package dev.latchkey.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface WorkspaceMapper {

    int insert(WorkspaceRow row);

    WorkspaceRow findById(@Param("id") String id, @Param("forUpdate") boolean forUpdate);

    int updatePlan(@Param("id") String id, @Param("plan") String plan);

    int insertMembership(MembershipRow row);

    List<MembershipRow> membershipsOf(String userId);

    MembershipRow findMembership(@Param("workspaceId") String workspaceId, @Param("userId") String userId);
}
