package dev.latchkey.dashboard.error;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** Boot's {@code /error} for browsers (unknown paths, CSRF refusals) renders the dashboard's error pages. */
@Component
class DashboardErrorViewResolver implements ErrorViewResolver {

    private final ErrorPages pages;

    DashboardErrorViewResolver(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return pages.page(request, status, null);
    }
}
