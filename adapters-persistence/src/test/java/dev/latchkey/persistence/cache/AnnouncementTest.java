package dev.latchkey.persistence.cache;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The payloads on the wire: each kind reads back as itself, and anything else as nothing (so: forget everything). */
class AnnouncementTest {

    private final WorkspaceId workspace = WorkspaceId.newId();
    private final KeyChange keyChange = new KeyChange(KeyHash.of("sk_live_whatever"), workspace, Environment.LIVE);
    private final WorkspaceChange workspaceChange = new WorkspaceChange(workspace);

    @Test
    void eachKindRoundTrips() {
        assertThat(Announcement.parse(keyChange.payload())).contains(keyChange);
        assertThat(Announcement.parse(workspaceChange.payload())).contains(workspaceChange);
    }

    @Test
    void aWorkspaceChangeNamesOnlyTheWorkspace() {
        assertThat(workspaceChange.payload()).isEqualTo("workspace " + workspace.value());
    }

    /** A node of the version before the kill switch reads a workspace change as unreadable: it forgets everything. */
    @Test
    void theKeyChangeParserOfOlderNodesDoesNotMistakeAWorkspaceChange() {
        assertThat(KeyChange.parse(workspaceChange.payload())).isEmpty();
    }

    @Test
    void anythingElseIsUnreadable() {
        assertThat(Announcement.parse(null)).isEmpty();
        assertThat(Announcement.parse("")).isEmpty();
        assertThat(Announcement.parse("workspace")).isEmpty();
        assertThat(Announcement.parse("workspace ")).isEmpty();
        assertThat(Announcement.parse("workspace key_AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(Announcement.parse("workspace " + workspace.value() + " extra")).isEmpty();
        assertThat(Announcement.parse("lock " + workspace.value())).isEmpty();
        assertThat(Announcement.parse("garbage")).isEmpty();
    }
}
