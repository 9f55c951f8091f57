package dev.latchkey.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static dev.latchkey.architecture.ClassImports.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule is shown able to fail: the same rule code, built for the fixture base package, passes on the
 * well-layered fixtures, fails on the Bad* fixtures for the reason it is written for, and fails when any package
 * it names is missing.
 */
class RulesCanFailTest {

    private static final LatchkeyRules RULES = LatchkeyRules.forBase(FIXTURES);

    /** For each rule: what its failure on all fixtures must mention (the Bad* classes, or the types they misuse). */
    private static final Map<String, List<String>> EXPECTED_VIOLATIONS = Map.ofEntries(
            Map.entry("domainDependsOnlyOnJdk", List.of(
                    fixture("domain.thing.BadSpringAwareThing"), "org.springframework.context.ApplicationContext",
                    "java.sql.Timestamp")),
            Map.entry("applicationIsFrameworkFree", List.of(
                    fixture("application.service.thing.BadTransactionalHelper"),
                    "org.springframework.transaction.support.TransactionTemplate",
                    fixture("application.port.out.BadJdbcPort"), "java.sql.Connection")),
            Map.entry("adaptersDoNotDependOnEachOther", List.of(
                    fixture("persistence.BadPersistenceUsingWeb"), fixture("web.BadWebUsingDashboard"),
                    fixture("dashboard.BadDashboardUsingPersistence"), fixture("web.BadWebUsingApp"))),
            Map.entry("adaptersUseApplicationOnlyThroughPorts", List.of(
                    fixture("web.BadControllerUsingService"), fixture("persistence.BadPersistenceUsingService"),
                    fixture("dashboard.BadDashboardUsingService"))),
            Map.entry("persistenceTechnologyStaysInPersistence", List.of(
                    fixture("web.BadWebUsingJdbc"), "java.sql.Connection", "javax.sql.DataSource",
                    fixture("web.BadWebUsingMyBatisSpring"), "org.mybatis.spring.SqlSessionTemplate",
                    fixture("dashboard.BadDashboardUsingMyBatis"), "org.apache.ibatis.session.SqlSession",
                    "org.springframework.jdbc.core.JdbcTemplate",
                    fixture("application.port.out.BadJdbcPort"))),
            Map.entry("templateTechnologyStaysInDashboard", List.of(
                    fixture("web.BadWebRenderingTemplates"), "org.thymeleaf.TemplateEngine")),
            Map.entry("httpTechnologyStaysInWebAdapters", List.of(
                    fixture("persistence.BadPersistenceUsingHttp"), "jakarta.servlet.http.HttpServletRequest",
                    "org.springframework.web.client.RestClient", "org.springframework.http.HttpStatus")),
            Map.entry("inboundPortsAreUseCases", List.of(
                    fixture("application.port.in.BadThingLookup"),
                    fixture("application.port.out.BadMisplacedUseCase"))),
            Map.entry("useCasesAreImplementedByServices", List.of(
                    fixture("application.service.thing.BadCreateThingHandler"), fixture("web.BadWebCreateThingService"),
                    fixture("application.service.thing.BadOrphanService"))),
            Map.entry("outboundPortsLiveInPortOut", List.of(
                    fixture("persistence.BadThingPort"), fixture("web.BadSessionRepository"))),
            Map.entry("mapperMeansMyBatisMapper", List.of(
                    fixture("persistence.BadThingDao"), fixture("web.BadWebMapper"), fixture("web.BadResponseMapper"))),
            Map.entry("modulesAreFreeOfCycles", List.of(
                    fixture("web.BadCycleWeb"), fixture("dashboard.BadCycleDashboard"))),
            Map.entry("applicationIsFreeOfCycles", List.of(
                    fixture("application.service.alpha.BadAlphaStep"),
                    fixture("application.service.beta.BadBetaStep"))),
            Map.entry("domainIsFreeOfCycles", List.of(
                    fixture("domain.alpha.BadAlphaPart"), fixture("domain.beta.BadBetaPart"))),
            Map.entry("domainTypesAreNotSerialisedDirectly", List.of(
                    fixture("web.BadThingController.get()"), fixture("web.BadThingController.list()"),
                    fixture("web.BadThingController.create("), fixture("web.BadThingResponse.thing"),
                    fixture("web.BadThingResponse.kinds"), fixture("dashboard.BadThingsJsonController.nextId()"))));

    private static String fixture(String relativeName) {
        return FIXTURES + "." + relativeName;
    }

    static Stream<Arguments> rules() {
        return RULES.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyRuleHasBadFixturesThatBreakIt() {
        assertThat(EXPECTED_VIOLATIONS.keySet()).containsExactlyInAnyOrderElementsOf(RULES.all().keySet());
    }

    @Test
    void fixturesAreImportedAsIntended() {
        JavaClasses all = ClassImports.fixtures();
        JavaClasses good = ClassImports.goodFixtures();
        assertThat(all).anyMatch(ClassImports.BAD_FIXTURE);
        assertThat(good).noneMatch(ClassImports.BAD_FIXTURE);
        assertThat(good.size()).isLessThan(all.size());
        for (String modulePackage : RULES.modulePackages()) {
            assertThat(good).as("good fixtures in %s", modulePackage)
                    .anyMatch(resideInAPackage(modulePackage));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void passesOnTheWellLayeredFixtures(String name, GuardedRule rule) {
        assertThatCode(() -> rule.check(ClassImports.goodFixtures())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsOnTheBadFixturesForItsOwnReason(String name, GuardedRule rule) {
        var failure = assertThatThrownBy(() -> rule.check(ClassImports.fixtures()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(rule.getDescription());
        for (String expected : EXPECTED_VIOLATIONS.get(name)) {
            failure.hasMessageContaining(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsWhenAPackageItNamesIsMissing(String name, GuardedRule rule) {
        assertThat(rule.requiredPackages()).isNotEmpty();
        for (String required : rule.requiredPackages()) {
            JavaClasses withoutIt = ClassImports.goodFixtures().that(not(resideInAPackage(required)));
            assertThatThrownBy(() -> rule.check(withoutIt))
                    .as("%s without any class in %s", name, required)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no imported class resides in package '" + required + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void failsWhenTheLayeringIsRenamed(String name, GuardedRule ignored) {
        GuardedRule renamed = LatchkeyRules.forBase(FIXTURES + ".renamed").all().get(name);
        assertThatThrownBy(() -> renamed.check(ClassImports.fixtures())).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void neverAllowsAnEmptyShould(String name, GuardedRule rule) {
        assertThatThrownBy(() -> rule.allowEmptyShould(true)).isInstanceOf(UnsupportedOperationException.class);
    }
}
