package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyFilter;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase.PlanOverview;
import dev.latchkey.application.port.in.ManageApiKeysUseCase;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.dashboard.support.DashboardContexts;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.PlanLimits;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The new-key form, with the plan's gates on its controls (shown disabled, with the upgrade message), and the new key
 * shown once.
 */
@Controller
public class NewApiKeyPageController {

    static final String PATH = KeyPages.LIST + "/new";
    static final String VIEW = "apikeys/new";

    private final ManageApiKeysUseCase manage;
    private final FindApiKeysUseCase keys;
    private final GetPlanOverviewUseCase plans;
    private final Clock clock;

    public NewApiKeyPageController(ManageApiKeysUseCase manage, FindApiKeysUseCase keys, GetPlanOverviewUseCase plans,
                                   ObjectProvider<Clock> clock) {
        this.manage = manage;
        this.keys = keys;
        this.plans = plans;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(PATH)
    String form(DashboardContext ctx, Model model) {
        return formPage(ctx, NewKeyForm.defaults(ctx.environment()), Map.of(), model);
    }

    @PostMapping(PATH)
    String create(DashboardContext ctx, @ModelAttribute("form") NewKeyForm form, Model model,
                  HttpSession session, HttpServletResponse response) {
        IssuedApiKey issued;
        try {
            issued = manage.create(ctx.caller(), form.command());
        } catch (ValidationException e) {
            return formPage(ctx, form, form.messages(e.errors()), model);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.PLAN_REQUIRED) {
                throw e;
            }
            return formPage(ctx, form, Map.of(NewKeyForm.FORM, e.getMessage()), model);
        }
        // the key's own environment from now on, so that its page and the list show it
        session.setAttribute(DashboardContexts.ENVIRONMENT, issued.key().environment().code());
        return ShowOnce.render(issued, clock.instant(), model, response);
    }

    private String formPage(DashboardContext ctx, NewKeyForm form, Map<String, String> errors, Model model) {
        KeyPages.requireManage(ctx, "create API keys");
        PlanOverview overview = plans.overview(ctx.caller());
        PlanLimits limits = overview.limits();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", ApiKeyView.TYPE_NAMES);
        model.addAttribute("platformScopes", Scope.PLATFORM.stream().map(Scope::value).toList());
        model.addAttribute("usedScopes", customScopesInUse(ctx));
        model.addAttribute("plan", overview.workspace().plan().name());
        model.addAttribute("defaultRateLimit", limits.defaultRateLimitPerMinute());
        model.addAttribute("maxRateLimit", limits.maxRateLimitPerMinute() == PlanLimits.UNLIMITED ? null
                : limits.maxRateLimitPerMinute());
        model.addAttribute("restrictedKeys", overview.feature(PlanFeature.RESTRICTED_KEYS));
        model.addAttribute("customScopes", overview.feature(PlanFeature.CUSTOM_SCOPES));
        model.addAttribute("ipAllowlists", overview.feature(PlanFeature.IP_ALLOWLISTS));
        model.addAttribute("requestSigning", overview.feature(PlanFeature.REQUEST_SIGNING));
        model.addAttribute("anotherKey", overview.anotherKey());
        return VIEW;
    }

    /** The custom scopes the newest keys of this environment already hold, suggested for the next (PRODUCT.md §1). */
    private List<String> customScopesInUse(DashboardContext ctx) {
        return keys.list(ctx.caller(), KeyFilter.any(), new PageRequest(FindApiKeysUseCase.MAX_LIMIT, null)).keys()
                .stream().flatMap(key -> key.scopes().stream()).filter(scope -> !scope.isPlatform())
                .map(Scope::value).distinct().sorted().toList();
    }
}
