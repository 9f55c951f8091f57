package dev.latchkey.web.openapi;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults of the web adapter, below every other property source (so the application's configuration wins):
 * the OpenAPI 3.1 document at {@code /v3/api-docs} describing the /v1 API, and Swagger UI at {@code /docs}.
 */
public class WebDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "latchkeyWebDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "springdoc.api-docs.path", "/v3/api-docs",
            "springdoc.api-docs.version", "openapi_3_1",
            "springdoc.paths-to-match", "/v1/**",
            "springdoc.default-produces-media-type", "application/json",
            "springdoc.default-consumes-media-type", "application/json",
            "springdoc.swagger-ui.path", "/docs",
            "springdoc.swagger-ui.disable-swagger-default-url", "true",
            "springdoc.swagger-ui.tags-sorter", "alpha");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
        }
    }

    /** After the application's own configuration has been loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
