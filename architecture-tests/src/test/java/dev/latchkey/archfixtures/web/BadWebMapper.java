package dev.latchkey.archfixtures.web;

import org.apache.ibatis.annotations.Mapper;

/** Breaks mapperMeansMyBatisMapper: a MyBatis mapper outside persistence. */
@Mapper
public interface BadWebMapper {

    String name(String id);
}
