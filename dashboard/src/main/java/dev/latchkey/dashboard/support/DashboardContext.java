package dev.latchkey.dashboard.support;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;

import java.util.List;
import java.util.Locale;

/**
 * Who is looking at a dashboard page, and where: the signed-in user as a caller of the chosen workspace and environment
 * (kept in the session, switched in the header; one the deployment serves), that workspace, every workspace of the
 * user for the switcher, and the environments the deployment serves.
 * A controller takes it as a parameter; templates read it as {@code ctx}.
 */
public record DashboardContext(Caller.UserCaller caller, Workspace workspace, List<WorkspaceMembership> workspaces,
                               List<Environment> servedEnvironments) {

    public DashboardContext {
        workspaces = List.copyOf(workspaces);
        servedEnvironments = List.copyOf(servedEnvironments);
    }

    /** Whether this deployment serves both environments: only then is there a Live/Test toggle. */
    public boolean toggle() {
        return servedEnvironments.size() > 1;
    }

    /** {@code test} or {@code live}. */
    public String environment() {
        return caller.environment().code();
    }

    public boolean live() {
        return caller.environment() == Environment.LIVE;
    }

    /** {@code owner}, {@code admin} or {@code member}. */
    public String role() {
        return caller.role().name().toLowerCase(Locale.ROOT);
    }

    /** OWNER and ADMIN change keys, members and invitations; a MEMBER reads. */
    public boolean canManage() {
        return caller.role().canManageKeys();
    }

    public boolean owner() {
        return caller.role() == Role.OWNER;
    }

    public String email() {
        return caller.email();
    }
}
