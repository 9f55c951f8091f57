package dev.latchkey.persistence;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Configuration;

/** Registers the MyBatis mappers of this module; their SQL is in the XML files at the mirrored resource path. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = PersistenceConfiguration.class, annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class PersistenceConfiguration {
}
