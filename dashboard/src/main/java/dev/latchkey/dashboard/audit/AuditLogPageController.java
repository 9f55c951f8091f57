package dev.latchkey.dashboard.audit;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.FindAuditEventsUseCase;
import dev.latchkey.application.port.in.FindAuditEventsUseCase.AuditFilter;
import dev.latchkey.application.port.in.FindAuditEventsUseCase.AuditPage;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.domain.audit.AuditAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Arrays;
import java.util.List;

/**
 * The workspace's audit log, newest first, with the filters of {@code GET /v1/audit-events}. The use case decides who
 * may read it (ADMIN and OWNER; a MEMBER gets its 403), so it is asked even when a filter cannot be read. Dates and
 * times are UTC.
 */
@Controller
public class AuditLogPageController {

    static final String VIEW = "audit/log";
    private static final List<String> ACTIONS = Arrays.stream(AuditAction.values()).map(AuditAction::code).toList();

    private final FindAuditEventsUseCase audit;

    public AuditLogPageController(FindAuditEventsUseCase audit) {
        this.audit = audit;
    }

    @GetMapping(AuditLogFilterForm.PATH)
    String log(DashboardContext ctx, @ModelAttribute("filter") AuditLogFilterForm filter, Model model) {
        AuditLogFilterForm.Parsed parsed = filter.parse();
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("errors", parsed.errors());
        model.addAttribute("filtered", filter.filtered());
        if (!parsed.errors().isEmpty()) {
            // no events under filters that cannot be read, but still the use case's access rule: a MEMBER gets 403
            audit.list(ctx.caller(), AuditFilter.any(), new PageRequest(1, null));
            return VIEW;
        }
        AuditPage page = audit.list(ctx.caller(), parsed.filter(),
                new PageRequest(FindApiKeysUseCase.DEFAULT_LIMIT, parsed.cursor()));
        model.addAttribute("events", page.events().stream().map(AuditEventView::from).toList());
        model.addAttribute("firstPage", parsed.cursor() == null);
        model.addAttribute("newestLink", filter.pageLink(null));
        model.addAttribute("olderLink", page.hasMore() ? filter.pageLink(page.nextCursor()) : null);
        return VIEW;
    }
}
