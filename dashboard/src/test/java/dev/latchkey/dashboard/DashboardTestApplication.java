package dev.latchkey.dashboard;

import org.mockito.Mockito;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.util.regex.Pattern;

/**
 * The dashboard alone, on in-memory use cases (tests; also runnable to look at the pages). Sign-up, sign-in and the
 * keys list run on {@link InMemoryAccounts}; every other use case is an unconfigured mock, so that the pages these
 * tests do not visit still have their controllers (the whole dashboard is tested in the app's browser tests).
 */
@SpringBootApplication
public class DashboardTestApplication {

    @Bean
    InMemoryAccounts inMemoryAccounts() {
        return new InMemoryAccounts();
    }

    @Bean
    static BeanFactoryPostProcessor mockOtherUseCases() {
        return DashboardTestApplication::registerMocks;
    }

    private static void registerMocks(ConfigurableListableBeanFactory beans) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return d.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*UseCase")));
        for (var candidate : scanner.findCandidateComponents("dev.latchkey.application.port.in")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (!type.isAssignableFrom(InMemoryAccounts.class)) {
                beans.registerSingleton("mock" + type.getSimpleName(), Mockito.mock(type));
            }
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(DashboardTestApplication.class, args);
    }
}
