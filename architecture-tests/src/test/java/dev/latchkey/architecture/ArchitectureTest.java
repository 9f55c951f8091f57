package dev.latchkey.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Latchkey's architecture rules over the real classes of every module: all must pass. */
class ArchitectureTest {

    private static final LatchkeyRules RULES = LatchkeyRules.forBase(LatchkeyRules.LATCHKEY);

    static Stream<Arguments> rules() {
        return RULES.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsOnTheRealCode(String name, GuardedRule rule) {
        rule.check(ClassImports.real());
    }

    @Test
    void realImportHoldsEveryModuleAndOnlyMainClasses() {
        JavaClasses real = ClassImports.real();

        for (String modulePackage : RULES.modulePackages()) {
            PackageMatcher matcher = PackageMatcher.of(modulePackage);
            assertThat(real).as("real classes in %s", modulePackage)
                    .anyMatch(c -> matcher.matches(c.getPackageName()));
        }
        assertThat(real.contain("dev.latchkey.app.LatchkeyApplication"))
                .as("the app module's main class is imported (its plain jar is on the test classpath)").isTrue();

        // neither this module's fixtures nor rules nor any module's test classes count as real code
        assertThat(real).noneMatch(c -> c.getPackageName().startsWith(ClassImports.FIXTURES));
        assertThat(real).noneMatch(c -> c.getPackageName().startsWith("dev.latchkey.architecture"));
        assertThat(real).noneMatch(c -> c.getSimpleName().endsWith("Test") || c.getSimpleName().endsWith("Tests"));
        assertThat(real).allSatisfy(c -> assertThat(sourceOf(c))
                .as("where %s comes from", c.getName())
                .doesNotContain("/test-classes/")
                .doesNotContain("-tests.jar"));
    }

    private static String sourceOf(JavaClass javaClass) {
        return javaClass.getSource().map(source -> source.getUri().toString()).orElse("");
    }
}
