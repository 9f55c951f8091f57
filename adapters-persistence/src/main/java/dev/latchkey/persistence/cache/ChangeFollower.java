package dev.latchkey.persistence.cache;

/**
 * A cache of this node that the {@link KeyChangeListener} keeps in step with every node's changes. While it is not
 * listening it keeps nothing; each time listening starts or stops it forgets everything, since announcements may have
 * been missed meanwhile.
 */
public interface ChangeFollower {

    /** Forgets what {@code announcement} made stale; kinds that concern other caches are ignored. */
    void heard(Announcement announcement);

    /** Forgets everything: for an announcement that could not be read. */
    void forgetAll();

    /** Whether this node hears every announcement; either way, everything is forgotten. */
    void listening(boolean listening);
}
