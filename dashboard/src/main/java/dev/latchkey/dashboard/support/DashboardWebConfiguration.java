package dev.latchkey.dashboard.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Lets dashboard controllers take a {@link DashboardContext}. */
@Configuration(proxyBeanMethods = false)
public class DashboardWebConfiguration implements WebMvcConfigurer {

    private final DashboardContexts contexts;

    public DashboardWebConfiguration(DashboardContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new DashboardContextArgumentResolver(contexts));
    }
}
