package dev.latchkey.persistence.cache;

/**
 * Announces a change (of a key, or of a workspace's kill switch) to every node, as part of the current transaction: the
 * announcement is delivered when, and only if, the change commits.
 */
@FunctionalInterface
public interface KeyChangePublisher {

    void publish(Announcement change);
}
