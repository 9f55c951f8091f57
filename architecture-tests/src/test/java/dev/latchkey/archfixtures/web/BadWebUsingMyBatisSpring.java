package dev.latchkey.archfixtures.web;

import org.mybatis.spring.SqlSessionTemplate;

/** Breaks persistenceTechnologyStaysInPersistence: MyBatis-Spring (org.mybatis) in web. */
public final class BadWebUsingMyBatisSpring {

    private final SqlSessionTemplate sessions;

    public BadWebUsingMyBatisSpring(SqlSessionTemplate sessions) {
        this.sessions = sessions;
    }

    public Object one(String statement) {
        return sessions.selectOne(statement);
    }
}
