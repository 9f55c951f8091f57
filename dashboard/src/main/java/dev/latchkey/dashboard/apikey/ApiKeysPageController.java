package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyPage;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.dashboard.support.DashboardContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;

/** The keys of the chosen workspace in the chosen environment (header's switcher and Live/Test toggle). */
@Controller
public class ApiKeysPageController {

    private final FindApiKeysUseCase listApiKeys;
    private final Clock clock;

    public ApiKeysPageController(FindApiKeysUseCase listApiKeys, ObjectProvider<Clock> clock) {
        this.listApiKeys = listApiKeys;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/settings/api-keys")
    String list(DashboardContext ctx, @RequestParam(name = "cursor", required = false) String cursor, Model model) {
        KeyPage page = listApiKeys.list(ctx.caller(), FindApiKeysUseCase.KeyFilter.any(),
                new PageRequest(FindApiKeysUseCase.DEFAULT_LIMIT, cursor == null || cursor.isBlank() ? null : cursor));
        Instant now = clock.instant();
        model.addAttribute("keys", page.keys().stream().map(key -> ApiKeyView.from(key, now)).toList());
        model.addAttribute("hasMore", page.hasMore());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        return "apikeys/list";
    }
}
