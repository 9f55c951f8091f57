package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyPage;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.dashboard.security.DashboardUser;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The keys of the signed-in user's workspace in one environment (Live/Test toggle). */
@Controller
public class ApiKeysPageController {

    private final ResolveUserCallerUseCase callers;
    private final FindApiKeysUseCase listApiKeys;
    private final GetWorkspaceUseCase getWorkspace;
    private final Clock clock;

    public ApiKeysPageController(ResolveUserCallerUseCase callers, FindApiKeysUseCase listApiKeys,
                                 GetWorkspaceUseCase getWorkspace, ObjectProvider<Clock> clock) {
        this.callers = callers;
        this.listApiKeys = listApiKeys;
        this.getWorkspace = getWorkspace;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/settings/api-keys")
    String list(@AuthenticationPrincipal DashboardUser user,
                @RequestParam(name = "environment", defaultValue = "test") String environmentCode,
                @RequestParam(name = "workspace", required = false) String workspace,
                @RequestParam(name = "cursor", required = false) String cursor,
                Model model) {
        Environment environment = Environment.fromCode(environmentCode)
                .orElseThrow(() -> new DomainException(ErrorCode.BAD_REQUEST, "The environment is either test or live."));
        Optional<WorkspaceId> workspaceId = Optional.ofNullable(workspace).filter(id -> !id.isBlank()).map(WorkspaceId::new);
        Caller.UserCaller caller = callers.resolve(new UserId(user.userId()), workspaceId, environment);
        KeyPage page = listApiKeys.list(caller, FindApiKeysUseCase.KeyFilter.any(), new PageRequest(FindApiKeysUseCase.DEFAULT_LIMIT,
                cursor == null || cursor.isBlank() ? null : cursor));
        Instant now = clock.instant();
        model.addAttribute("workspace", getWorkspace.get(caller));
        model.addAttribute("workspaceParam", workspaceId.map(WorkspaceId::value).orElse(null));
        model.addAttribute("environment", environment.code());
        model.addAttribute("role", caller.role().name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("keys", page.keys().stream().map(key -> ApiKeyView.from(key, now)).toList());
        model.addAttribute("hasMore", page.hasMore());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        return "apikeys/list";
    }
}
