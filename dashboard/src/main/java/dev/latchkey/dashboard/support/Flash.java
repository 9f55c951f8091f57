package dev.latchkey.dashboard.support;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The success and failure messages a redirect carries to the next page (shown by the layout). */
public final class Flash {

    public static final String SUCCESS = "flashSuccess";
    public static final String ERROR = "flashError";

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(SUCCESS, message);
    }

    public static void error(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ERROR, message);
    }

    /**
     * {@code returnTo} when it is a path of this site, otherwise {@code fallback}: never an open redirect, and never
     * braces (a redirect would read them as URI template variables).
     */
    public static String localPath(String returnTo, String fallback) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.contains("{") || returnTo.contains("}") || returnTo.length() > 2000
                || returnTo.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        return returnTo;
    }
}
