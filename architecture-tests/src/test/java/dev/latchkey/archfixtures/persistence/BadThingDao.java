package dev.latchkey.archfixtures.persistence;

import org.apache.ibatis.annotations.Mapper;

/** Breaks mapperMeansMyBatisMapper: a MyBatis mapper not named *Mapper. */
@Mapper
public interface BadThingDao {

    ThingRow find(String id);
}
