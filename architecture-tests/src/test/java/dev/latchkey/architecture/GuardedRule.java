package dev.latchkey.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.Priority;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Collection;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * An ArchUnit rule that also fails when any package it speaks about holds no imported class, so a renamed or
 * moved package makes the rule fail loudly instead of silently matching nothing.
 *
 * <p>This comes on top of ArchUnit's own {@code failOnEmptyShould} (kept on: {@link #allowEmptyShould} refuses
 * to switch it off), which only notices when <em>all</em> classes a rule selects are missing.
 */
public final class GuardedRule implements ArchRule {

    private final String description;
    private final List<ArchRule> parts;
    private final List<String> requiredPackages;

    private GuardedRule(String description, List<ArchRule> parts, List<String> requiredPackages) {
        this.description = description;
        this.parts = List.copyOf(parts);
        this.requiredPackages = List.copyOf(requiredPackages);
    }

    /**
     * @param description      what the rule says, shown in every failure
     * @param requiredPackages ArchUnit package patterns ({@code dev.latchkey.domain..}) that must each hold at
     *                         least one imported class
     * @param parts            the rule proper, in one or more parts that must all hold
     */
    static GuardedRule of(String description, List<String> requiredPackages, ArchRule... parts) {
        if (requiredPackages.isEmpty()) {
            throw new IllegalArgumentException("a rule must name the packages it speaks about: " + description);
        }
        if (parts.length == 0) {
            throw new IllegalArgumentException("a rule needs at least one part: " + description);
        }
        return new GuardedRule(description, List.of(parts), requiredPackages);
    }

    /** The package patterns this rule requires to be non-empty. */
    public List<String> requiredPackages() {
        return requiredPackages;
    }

    @Override
    public void check(JavaClasses classes) {
        Assertions.assertNoViolation(evaluate(classes));
    }

    /**
     * The missing packages and the violations of every part, together. ArchUnit reports an empty {@code should}
     * by throwing; that is turned into a violation here, so one failure names the missing packages and what
     * every part found.
     */
    @Override
    public EvaluationResult evaluate(JavaClasses classes) {
        EvaluationResult result = new EvaluationResult(this, Priority.MEDIUM);
        result.add(evaluateReportingEmptyShould(packagesAreNotEmpty(requiredPackages), classes));
        for (ArchRule part : parts) {
            result.add(evaluateReportingEmptyShould(part, classes));
        }
        return result;
    }

    private static EvaluationResult evaluateReportingEmptyShould(ArchRule rule, JavaClasses classes) {
        try {
            return rule.evaluate(classes);
        } catch (AssertionError emptyShould) {
            ConditionEvents events = ConditionEvents.Factory.create();
            events.add(SimpleConditionEvent.violated(classes, String.valueOf(emptyShould.getMessage())));
            return new EvaluationResult(rule, events, Priority.MEDIUM);
        }
    }

    @Override
    public GuardedRule because(String reason) {
        return new GuardedRule(description + ", because " + reason, parts, requiredPackages);
    }

    /** Refused: every Latchkey rule fails when it matches nothing. */
    @Override
    public ArchRule allowEmptyShould(boolean allowEmptyShould) {
        throw new UnsupportedOperationException("Latchkey's architecture rules never allow an empty 'should'");
    }

    @Override
    public GuardedRule as(String newDescription) {
        return new GuardedRule(newDescription, parts, requiredPackages);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return getDescription();
    }

    private static ArchRule packagesAreNotEmpty(List<String> packages) {
        return classes().should(new ArchCondition<JavaClass>("include classes in each of " + packages) {
            private List<String> missing = List.of();

            @Override
            public void init(Collection<JavaClass> allClasses) {
                missing = packages.stream()
                        .filter(pattern -> {
                            PackageMatcher matcher = PackageMatcher.of(pattern);
                            return allClasses.stream().noneMatch(c -> matcher.matches(c.getPackageName()));
                        })
                        .toList();
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                // everything is decided in init/finish: the condition is about the set of classes, not one class
            }

            @Override
            public void finish(ConditionEvents events) {
                for (String pattern : missing) {
                    events.add(SimpleConditionEvent.violated(pattern,
                            "no imported class resides in package '" + pattern
                                    + "' (was it renamed or moved? the rule would otherwise check nothing there)"));
                }
            }
        }).as("packages " + packages + " are not empty");
    }
}
