package dev.latchkey.dashboard.plan;

import dev.latchkey.application.port.in.GetPlanOverviewUseCase;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase.PlanOverview;
import dev.latchkey.application.port.in.LockWorkspaceUseCase;
import dev.latchkey.application.port.in.LockWorkspaceUseCase.WorkspaceLock;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.dashboard.support.Flash;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.Plans;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The workspace's plan (every member reads it): limits and usage, the gated features, and the kill switch. Lock and
 * unlock always go through the use case, which refuses non-owners and (for locking) plans without the kill switch.
 */
@Controller
@RequestMapping("/settings/plan")
public class PlanPageController {

    static final String VIEW = "plan/plan";
    static final String LOCK_VIEW = "plan/lock";
    private static final String BACK = "redirect:/settings/plan";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final GetPlanOverviewUseCase plans;
    private final LockWorkspaceUseCase locks;

    public PlanPageController(GetPlanOverviewUseCase plans, LockWorkspaceUseCase locks) {
        this.plans = plans;
        this.locks = locks;
    }

    @GetMapping
    String plan(DashboardContext ctx, Model model) {
        PlanOverview overview = plans.overview(ctx.caller());
        model.addAttribute("plan", PlanView.of(overview));
        addLock(model, locks.get(ctx.caller()), overview.feature(PlanFeature.KILL_SWITCH));
        return VIEW;
    }

    /** The confirmation before locking; only an owner on a plan with the kill switch gets here from the plan page. */
    @GetMapping("/lock")
    String confirmLock(DashboardContext ctx) {
        boolean offered = ctx.owner() && plans.overview(ctx.caller()).feature(PlanFeature.KILL_SWITCH).allowed()
                && !locks.get(ctx.caller()).locked();
        return offered ? LOCK_VIEW : BACK;
    }

    @PostMapping("/lock")
    String lock(DashboardContext ctx, RedirectAttributes redirect) {
        locks.lock(ctx.caller());
        Flash.success(redirect, "Workspace locked. Every live key is refused until an owner unlocks it.");
        return BACK;
    }

    @PostMapping("/unlock")
    String unlock(DashboardContext ctx, RedirectAttributes redirect) {
        locks.unlock(ctx.caller());
        Flash.success(redirect, "Workspace unlocked. Live keys work again.");
        return BACK;
    }

    private static void addLock(Model model, WorkspaceLock lock, Plans.Gate killSwitch) {
        model.addAttribute("locked", lock.locked());
        model.addAttribute("lockedAt", lock.locked() ? SHOWN.format(lock.lockedAt()) : null);
        model.addAttribute("lockedAtIso", lock.locked() ? lock.lockedAt().toString() : null);
        model.addAttribute("killSwitch", killSwitch);
    }
}
