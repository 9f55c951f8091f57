package dev.latchkey.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.regex.Pattern;

/** The two sets of classes the rules run on, each imported once per test JVM. */
final class ClassImports {

    /** Base package of the fixtures (test classes of this module). */
    static final String FIXTURES = "dev.latchkey.archfixtures";

    /** Fixture classes named Bad* (and their nested classes) each break one rule. */
    static final DescribedPredicate<JavaClass> BAD_FIXTURE = DescribedPredicate.describe(
            "are Bad* fixtures", c -> c.getName().matches(Pattern.quote(FIXTURES) + "(\\.[a-z0-9_]+)*\\.Bad[^.]*"));

    /** Never import these as real code: this module's own test classes (rules and fixtures). */
    private static final ImportOption NOT_THIS_MODULE = location ->
            !location.contains("/dev/latchkey/archfixtures/") && !location.contains("/dev/latchkey/architecture/");

    private static JavaClasses real;
    private static JavaClasses fixtures;

    private ClassImports() {
    }

    /**
     * The real classes of every module, from their main jars (or target/classes in a reactor build):
     * test classes are left out, and so is everything of this module.
     */
    static synchronized JavaClasses real() {
        if (real == null) {
            real = new ClassFileImporter()
                    .withImportOption(new ImportOption.DoNotIncludeTests())
                    .withImportOption(NOT_THIS_MODULE)
                    .importPackages(LatchkeyRules.LATCHKEY);
        }
        return real;
    }

    /** All fixture classes, good and Bad*. */
    static synchronized JavaClasses fixtures() {
        if (fixtures == null) {
            fixtures = new ClassFileImporter().importPackages(FIXTURES);
        }
        return fixtures;
    }

    /** The well-layered fixtures only: every rule must pass on these. */
    static JavaClasses goodFixtures() {
        return fixtures().that(DescribedPredicate.not(BAD_FIXTURE));
    }
}
