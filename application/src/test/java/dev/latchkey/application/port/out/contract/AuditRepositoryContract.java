package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.AuditRepository.AuditQuery;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AuditRepository} does; run by the in-memory fake and by the MyBatis adapter. */
public abstract class AuditRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final AuditActor ALICE = new AuditActor(AuditActor.Type.USER, "usr_alice", "alice@example.com");
    private static final AuditActor KEY = new AuditActor(AuditActor.Type.KEY, "key_1", "sk_live_abcd");

    protected abstract AuditRepository audit();

    protected abstract Transactions transactions();

    /** A new workspace on {@code plan}, stored wherever the repository needs it to be. */
    protected abstract WorkspaceId newWorkspace(Plan plan);

    @Test
    void eventsComeBackNewestFirstWithEveryField() {
        WorkspaceId workspace = newWorkspace(Plan.FREE);
        AuditEvent first = add(workspace, Environment.LIVE, AuditAction.KEY_CREATED, ALICE, "key_a", T0,
                Map.of("type", "sk", "scopes", "keys:read keys:write"));
        AuditEvent second = add(workspace, null, AuditAction.MEMBER_INVITED, KEY, null, T0.plusSeconds(1), Map.of());
        add(newWorkspace(Plan.FREE), Environment.LIVE, AuditAction.KEY_CREATED, ALICE, "key_x", T0, Map.of());

        assertThat(audit().list(workspace, AuditQuery.any(), null, 10)).containsExactly(second, first);
    }

    @Test
    void pagesFollowTheCursor() {
        WorkspaceId workspace = newWorkspace(Plan.FREE);
        List<AuditEvent> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(add(workspace, Environment.TEST, AuditAction.KEY_EDITED, ALICE, "key_" + i, T0.plusSeconds(i / 2),
                    Map.of()));
        }
        List<AuditEvent> newestFirst = audit().list(workspace, AuditQuery.any(), null, 10);
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(added);

        List<AuditEvent> firstPage = audit().list(workspace, AuditQuery.any(), null, 2);
        List<AuditEvent> secondPage = audit().list(workspace, AuditQuery.any(), firstPage.getLast().id().value(), 2);
        List<AuditEvent> lastPage = audit().list(workspace, AuditQuery.any(), secondPage.getLast().id().value(), 2);
        assertThat(firstPage).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(secondPage).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(lastPage).containsExactlyElementsOf(newestFirst.subList(4, 5));
    }

    @Test
    void aCursorOfAnotherWorkspaceOrUnknownMatchesNothing() {
        WorkspaceId workspace = newWorkspace(Plan.FREE);
        add(workspace, Environment.TEST, AuditAction.KEY_EDITED, ALICE, "key_1", T0, Map.of());
        AuditEvent foreign = add(newWorkspace(Plan.FREE), Environment.TEST, AuditAction.KEY_EDITED, ALICE, "key_2",
                T0.plusSeconds(5), Map.of());

        assertThat(audit().list(workspace, AuditQuery.any(), foreign.id().value(), 10)).isEmpty();
        assertThat(audit().list(workspace, AuditQuery.any(), "aud_unknown", 10)).isEmpty();
    }

    @Test
    void filtersNarrowByActionActorTargetAndTime() {
        WorkspaceId workspace = newWorkspace(Plan.FREE);
        AuditEvent created = add(workspace, Environment.LIVE, AuditAction.KEY_CREATED, ALICE, "key_a", T0, Map.of());
        AuditEvent revoked = add(workspace, Environment.LIVE, AuditAction.KEY_REVOKED, KEY, "key_a",
                T0.plusSeconds(60), Map.of());
        AuditEvent other = add(workspace, Environment.LIVE, AuditAction.KEY_CREATED, KEY, "key_b",
                T0.plusSeconds(120), Map.of());

        assertThat(list(workspace, query(Optional.of(AuditAction.KEY_CREATED), null, null, null, null)))
                .containsExactly(other, created);
        assertThat(list(workspace, query(Optional.empty(), KEY.id(), null, null, null))).containsExactly(other, revoked);
        assertThat(list(workspace, query(Optional.empty(), null, "key_a", null, null))).containsExactly(revoked, created);
        assertThat(list(workspace, query(Optional.empty(), null, null, T0.plusSeconds(60), T0.plusSeconds(120))))
                .as("from inclusive, to exclusive").containsExactly(revoked);
        assertThat(list(workspace, query(Optional.of(AuditAction.KEY_CREATED), KEY.id(), "key_a", null, null))).isEmpty();
    }

    @Test
    void theEnvironmentFilterKeepsEventsOfNoEnvironmentOnlyWhenAsked() {
        WorkspaceId workspace = newWorkspace(Plan.FREE);
        AuditEvent live = add(workspace, Environment.LIVE, AuditAction.KEY_CREATED, ALICE, "key_l", T0, Map.of());
        AuditEvent test = add(workspace, Environment.TEST, AuditAction.KEY_CREATED, ALICE, "key_t", T0.plusSeconds(1),
                Map.of());
        AuditEvent none = add(workspace, null, AuditAction.PLAN_CHANGED, ALICE, workspace.value(), T0.plusSeconds(2),
                Map.of("plan", "PRO"));

        assertThat(list(workspace, environment(Environment.TEST, true))).containsExactly(none, test);
        assertThat(list(workspace, environment(Environment.LIVE, false))).containsExactly(live);
        assertThat(list(workspace, AuditQuery.any())).containsExactly(none, test, live);
    }

    @Test
    void purgingRemovesOnlyOldEventsOfWorkspacesOnThatPlan() {
        WorkspaceId free = newWorkspace(Plan.FREE);
        WorkspaceId pro = newWorkspace(Plan.PRO);
        add(free, null, AuditAction.LOGIN_SUCCEEDED, ALICE, null, T0.minus(Duration.ofDays(8)), Map.of());
        AuditEvent recent = add(free, null, AuditAction.LOGIN_SUCCEEDED, ALICE, null, T0.minus(Duration.ofDays(6)),
                Map.of());
        AuditEvent kept = add(pro, null, AuditAction.LOGIN_SUCCEEDED, ALICE, null, T0.minus(Duration.ofDays(8)),
                Map.of());

        int purged = transactions().inTransaction(() -> audit().purgeBefore(Plan.FREE, T0.minus(Duration.ofDays(7))));

        assertThat(purged).isOne();
        assertThat(list(free, AuditQuery.any())).containsExactly(recent);
        assertThat(list(pro, AuditQuery.any())).containsExactly(kept);
    }

    private List<AuditEvent> list(WorkspaceId workspace, AuditQuery query) {
        return audit().list(workspace, query, null, 100);
    }

    private static AuditQuery query(Optional<AuditAction> action, String actorId, String targetId, Instant from,
                                    Instant to) {
        return new AuditQuery(action, Optional.ofNullable(actorId), Optional.ofNullable(targetId),
                Optional.ofNullable(from), Optional.ofNullable(to), Optional.empty(), true);
    }

    private static AuditQuery environment(Environment environment, boolean withoutEnvironment) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(environment), withoutEnvironment);
    }

    protected AuditEvent add(WorkspaceId workspace, Environment environment, AuditAction action, AuditActor actor,
                             String targetId, Instant at, Map<String, String> details) {
        AuditEvent event = AuditEvent.of(workspace, environment, action, actor, "203.0.113.9",
                targetId == null ? null : new AuditTarget("key", targetId), at, details);
        transactions().inTransaction(() -> {
            audit().add(event);
            return null;
        });
        return event;
    }
}
