package dev.latchkey.persistence.cache;

import java.util.Optional;

/**
 * What a node tells the others (and itself) when something the request path caches changes: sent as the payload of a
 * PostgreSQL notification on {@link KeyChange#CHANNEL}, in the transaction of the change, so that it is delivered when,
 * and only if, the change commits. One channel for every kind keeps them in commit order on one listening connection.
 * <p>
 * Payloads (space-separated, never a secret):
 * <ul>
 *   <li>{@code <key hash> <workspace id> <environment>}: a key changed ({@link KeyChange});</li>
 *   <li>{@code workspace <workspace id>}: a workspace's kill switch changed ({@link WorkspaceChange}).</li>
 * </ul>
 * A receiver that cannot read a payload forgets everything it holds: a node of an older version that hears a kind it
 * does not know stays correct (only colder), which keeps rolling upgrades safe.
 */
public sealed interface Announcement permits KeyChange, WorkspaceChange {

    String payload();

    /** The announcement a payload names; empty for anything else. */
    static Optional<Announcement> parse(String payload) {
        if (payload != null && payload.startsWith(WorkspaceChange.KIND + " ")) {
            return WorkspaceChange.parse(payload).map(Announcement.class::cast);
        }
        return KeyChange.parse(payload).map(Announcement.class::cast);
    }
}
