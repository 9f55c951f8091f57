package dev.latchkey.archfixtures.domain.thing;

import org.springframework.context.ApplicationContext;

/** Breaks domainDependsOnlyOnJdk: a domain type that knows Spring, and JDBC (in the JDK, yet not allowed). */
public final class BadSpringAwareThing {

    private final ApplicationContext context;

    public BadSpringAwareThing(ApplicationContext context) {
        this.context = context;
    }

    public Object lookup(String name) {
        return context.getBean(name);
    }

    public java.sql.Timestamp createdAt() {
        return new java.sql.Timestamp(0);
    }
}
