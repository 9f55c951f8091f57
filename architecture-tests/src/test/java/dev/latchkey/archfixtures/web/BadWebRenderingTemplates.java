package dev.latchkey.archfixtures.web;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Breaks templateTechnologyStaysInDashboard: Thymeleaf in the JSON API. */
public final class BadWebRenderingTemplates {

    public String render(TemplateEngine engine) {
        return engine.process("things/list", new Context());
    }
}
