package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyFilter;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyPage;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetUsageUseCase;
import dev.latchkey.application.port.in.GetUsageUseCase.Granularity;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageQuery;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.common.Ids;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** The keys of the chosen workspace in the chosen environment (header's switcher and Live/Test toggle), and one key. */
@Controller
public class ApiKeysPageController {

    static final int USAGE_DAYS = 30;

    private final FindApiKeysUseCase keys;
    private final GetUsageUseCase usage;
    private final Clock clock;

    public ApiKeysPageController(FindApiKeysUseCase keys, GetUsageUseCase usage, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.usage = usage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Newest first, optionally of one type and status (an unknown value filters nothing), a page at a time. */
    @GetMapping(KeyPages.LIST)
    String list(DashboardContext ctx, @RequestParam(name = "type", required = false) String type,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "cursor", required = false) String cursor, Model model) {
        Optional<KeyType> keyType = KeyType.fromCode(type == null ? "" : type);
        Optional<ApiKeyStatus> keyStatus = Arrays.stream(ApiKeyStatus.values())
                .filter(candidate -> candidate.code().equals(status)).findFirst();
        // a cursor that is no key id (a hand-edited or truncated link) starts again at the first page
        boolean firstPage = !Ids.looksLike(ApiKeyId.PREFIX, cursor);
        KeyPage page = keys.list(ctx.caller(), new KeyFilter(keyType, keyStatus),
                new PageRequest(FindApiKeysUseCase.DEFAULT_LIMIT, firstPage ? null : cursor));
        Instant now = clock.instant();
        model.addAttribute("keys", page.keys().stream().map(key -> new ApiKeyView(key, now)).toList());
        model.addAttribute("hasMore", page.hasMore());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("firstPage", firstPage);
        model.addAttribute("type", keyType.map(KeyType::code).orElse(null));
        model.addAttribute("status", keyStatus.map(ApiKeyStatus::code).orElse(null));
        model.addAttribute("filtered", keyType.isPresent() || keyStatus.isPresent());
        model.addAttribute("types", ApiKeyView.TYPE_NAMES);
        model.addAttribute("statuses", Arrays.stream(ApiKeyStatus.values()).map(ApiKeyStatus::code).toList());
        return "apikeys/list";
    }

    /** Every field of one key and its requests per day over the last 30 UTC days, today included. */
    @GetMapping(KeyPages.LIST + "/{id}")
    String detail(DashboardContext ctx, @PathVariable("id") String id, Model model) {
        ApiKeyId keyId = KeyPages.keyId(id);
        Instant now = clock.instant();
        ApiKeyView key = new ApiKeyView(keys.get(ctx.caller(), keyId), now);
        Instant to = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        UsageQuery query = UsageQuery.parse(Optional.of(keyId), to.minus(USAGE_DAYS, ChronoUnit.DAYS), to,
                Granularity.DAY);
        model.addAttribute("key", key);
        model.addAttribute("usage", UsageChart.of(usage.usage(ctx.caller(), query)));
        model.addAttribute("usageDays", USAGE_DAYS);
        return "apikeys/detail";
    }
}
