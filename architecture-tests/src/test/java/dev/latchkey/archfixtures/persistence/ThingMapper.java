package dev.latchkey.archfixtures.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ThingMapper {

    int insert(ThingRow row);

    ThingRow find(@Param("workspace") String workspace, @Param("id") String id);
}
