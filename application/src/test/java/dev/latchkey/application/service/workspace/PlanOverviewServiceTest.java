package dev.latchkey.application.service.workspace;

import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryInvitationRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase.PlanOverview;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlanOverviewServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryInvitationRepository invitations = new InMemoryInvitationRepository();
    private final TestKeys testKeys = new TestKeys();
    private final Workspace acme = Workspace.create("Acme", NOW.minusSeconds(3600));
    private final UserId owner = UserId.newId();

    private PlanOverviewService service(Plans plans) {
        return new PlanOverviewService(new WorkspaceQueryService(workspaces), workspaces, keys, invitations, plans,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Caller.UserCaller caller(Environment environment, Role role) {
        return new Caller.UserCaller(owner, acme.id(), environment, role);
    }

    @Test
    void onFreeEveryGatedFeatureIsDeniedWithItsUpgradeMessageAndTheCountsAreTheWorkspaces() {
        workspaces.add(acme);
        workspaces.addMember(new Membership(acme.id(), owner, Role.OWNER, NOW.minusSeconds(3600)));
        workspaces.addMember(new Membership(acme.id(), UserId.newId(), Role.MEMBER, NOW.minusSeconds(60)));
        invitations.add(Invitation.issue(acme.id(), new Email("new@example.com"), Role.MEMBER, owner, NOW,
                Invitation.DEFAULT_TTL, new SplittableRandom(1)).invitation());
        for (int i = 0; i < 2; i++) {
            keys.add(testKeys.issue(acme.id(), Environment.TEST, Set.of(Scope.KEYS_READ), NOW).key(), null);
        }
        keys.add(testKeys.issue(acme.id(), Environment.LIVE, Set.of(Scope.KEYS_READ), NOW).key(), null);

        PlanOverview overview = service(Plans.defaults()).overview(caller(Environment.TEST, Role.MEMBER));

        assertThat(overview.workspace()).isEqualTo(acme);
        assertThat(overview.limits()).isEqualTo(PlanLimits.defaultsFor(Plan.FREE));
        assertThat(overview.keysInEnvironment()).as("test keys only").isEqualTo(2);
        assertThat(overview.members()).as("members and pending invitations").isEqualTo(3);
        assertThat(overview.anotherKey().allowed()).isTrue();
        assertThat(overview.anotherMember().allowed()).as("FREE allows 3 members").isFalse();
        assertThat(overview.anotherMember().message()).contains("Upgrade to Pro");
        for (PlanFeature feature : PlanFeature.values()) {
            assertThat(overview.feature(feature).allowed()).as(feature.name()).isFalse();
        }
        assertThat(overview.feature(PlanFeature.IP_ALLOWLISTS).message())
                .isEqualTo("IP allowlists are not available on the free plan. Upgrade to Scale or Enterprise.");
    }

    @Test
    void theDeploymentsPlanTableDecides() {
        Map<Plan, PlanLimits> table = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            table.put(plan, PlanLimits.defaultsFor(plan));
        }
        table.put(Plan.FREE, new PlanLimits(1, 60, 600, 3, EnumSet.of(PlanFeature.IP_ALLOWLISTS), 7));
        workspaces.add(acme);
        keys.add(testKeys.issue(acme.id(), Environment.LIVE, Set.of(Scope.KEYS_READ), NOW).key(), null);

        PlanOverview live = service(new Plans(table)).overview(caller(Environment.LIVE, Role.OWNER));

        assertThat(live.anotherKey().allowed()).isFalse();
        assertThat(live.feature(PlanFeature.IP_ALLOWLISTS).allowed()).isTrue();
        assertThat(live.feature(PlanFeature.KILL_SWITCH).allowed()).isFalse();
        assertThat(service(new Plans(table)).overview(caller(Environment.TEST, Role.OWNER)).anotherKey().allowed())
                .as("the other environment has room").isTrue();
    }

    @Test
    void anotherWorkspaceIsNotFound() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service(Plans.defaults()).overview(caller(Environment.TEST, Role.OWNER)));

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
