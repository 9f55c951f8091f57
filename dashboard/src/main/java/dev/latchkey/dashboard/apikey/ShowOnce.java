package dev.latchkey.dashboard.apikey;

import dev.latchkey.domain.apikey.IssuedApiKey;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

import java.time.Instant;

/**
 * A key's secret, shown on the response of the POST that issued it (create or roll): no redirect and never cached, so
 * it is stored nowhere to be shown again.
 */
final class ShowOnce {

    static final String VIEW = "apikeys/issued";

    private ShowOnce() {
    }

    static String render(IssuedApiKey issued, Instant now, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("key", new ApiKeyView(issued.key(), now));
        model.addAttribute("secret", issued.secret().reveal());
        return VIEW;
    }
}
