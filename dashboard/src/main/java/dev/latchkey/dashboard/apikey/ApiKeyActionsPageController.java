package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.ManageApiKeysUseCase;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.dashboard.support.Flash;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Rolling and revoking a key: each GET page is the confirmation (the buttons of the list and the detail lead there),
 * each POST makes the change through the use case. A roll answers with the new key, shown once.
 */
@Controller
public class ApiKeyActionsPageController {

    static final String ROLL_VIEW = "apikeys/roll";
    static final String REVOKE_VIEW = "apikeys/revoke";

    private final FindApiKeysUseCase keys;
    private final ManageApiKeysUseCase manage;
    private final Clock clock;

    public ApiKeyActionsPageController(FindApiKeysUseCase keys, ManageApiKeysUseCase manage,
                                       ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.manage = manage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(KeyPages.LIST + "/{id}/roll")
    String confirmRoll(DashboardContext ctx, @PathVariable("id") String id, Model model) {
        return rollPage(ctx, KeyPages.keyId(id), RollGrace.DEFAULT.value(), null, model);
    }

    @PostMapping(KeyPages.LIST + "/{id}/roll")
    String roll(DashboardContext ctx, @PathVariable("id") String id,
                @RequestParam(name = "grace", required = false) String grace, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        ApiKeyId keyId = KeyPages.keyId(id);
        Optional<RollGrace> chosen = RollGrace.of(grace);
        if (chosen.isEmpty()) {
            return rollPage(ctx, keyId, grace, "Choose when the old key stops working.", model);
        }
        KeyRoll roll;
        try {
            roll = manage.roll(ctx.caller(), keyId, chosen.get().duration());
        } catch (DomainException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            // rolled or revoked meanwhile (another tab, another admin): back to the key, saying why nothing happened
            Flash.error(redirect, "Not rolled: " + e.getMessage() + ".");
            return "redirect:" + KeyPages.detail(keyId);
        }
        Instant now = clock.instant();
        model.addAttribute("retired", new ApiKeyView(roll.retired(), now));
        model.addAttribute("grace", chosen.get());
        return ShowOnce.render(roll.successor(), now, model, response);
    }

    @GetMapping(KeyPages.LIST + "/{id}/revoke")
    String confirmRevoke(DashboardContext ctx, @PathVariable("id") String id, Model model) {
        KeyPages.requireManage(ctx, "revoke API keys");
        model.addAttribute("key", new ApiKeyView(keys.get(ctx.caller(), KeyPages.keyId(id)), clock.instant()));
        return REVOKE_VIEW;
    }

    @PostMapping(KeyPages.LIST + "/{id}/revoke")
    String revoke(DashboardContext ctx, @PathVariable("id") String id, RedirectAttributes redirect) {
        ApiKeyId keyId = KeyPages.keyId(id);
        ApiKey revoked = manage.revoke(ctx.caller(), keyId);
        Flash.success(redirect, "Revoked " + revoked.name() + ". Requests with it are now refused (401 auth_revoked).");
        return "redirect:" + KeyPages.detail(keyId);
    }

    private String rollPage(DashboardContext ctx, ApiKeyId id, String grace, String graceError, Model model) {
        KeyPages.requireManage(ctx, "roll API keys");
        model.addAttribute("key", new ApiKeyView(keys.get(ctx.caller(), id), clock.instant()));
        model.addAttribute("graces", RollGrace.values());
        model.addAttribute("grace", grace);
        model.addAttribute("graceError", graceError);
        return ROLL_VIEW;
    }
}
