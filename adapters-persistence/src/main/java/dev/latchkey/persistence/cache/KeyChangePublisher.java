package dev.latchkey.persistence.cache;

/**
 * Announces a key change to every node, as part of the current transaction: the announcement is delivered when, and
 * only if, the change commits.
 */
@FunctionalInterface
public interface KeyChangePublisher {

    void publish(KeyChange change);
}
