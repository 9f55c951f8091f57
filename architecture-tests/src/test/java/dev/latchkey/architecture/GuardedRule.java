package dev.latchkey.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
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

    private final ArchRule rule;
    private final List<String> requiredPackages;

    private GuardedRule(ArchRule rule, List<String> requiredPackages) {
        this.rule = rule;
        this.requiredPackages = List.copyOf(requiredPackages);
    }

    /**
     * @param description      what the rule says, shown in every failure
     * @param rule             the rule proper
     * @param requiredPackages ArchUnit package patterns ({@code dev.latchkey.domain..}) that must each hold at
     *                         least one imported class
     */
    static GuardedRule of(String description, ArchRule rule, List<String> requiredPackages) {
        if (requiredPackages.isEmpty()) {
            throw new IllegalArgumentException("a rule must name the packages it speaks about: " + description);
        }
        ArchRule combined = CompositeArchRule.of(packagesAreNotEmpty(requiredPackages)).and(rule).as(description);
        return new GuardedRule(combined, requiredPackages);
    }

    /** The package patterns this rule requires to be non-empty. */
    public List<String> requiredPackages() {
        return requiredPackages;
    }

    @Override
    public void check(JavaClasses classes) {
        Assertions.assertNoViolation(evaluate(classes));
    }

    @Override
    public EvaluationResult evaluate(JavaClasses classes) {
        return rule.evaluate(classes);
    }

    @Override
    public GuardedRule because(String reason) {
        return new GuardedRule(rule.because(reason), requiredPackages);
    }

    /** Refused: every Latchkey rule fails when it matches nothing. */
    @Override
    public ArchRule allowEmptyShould(boolean allowEmptyShould) {
        throw new UnsupportedOperationException("Latchkey's architecture rules never allow an empty 'should'");
    }

    @Override
    public GuardedRule as(String newDescription) {
        return new GuardedRule(rule.as(newDescription), requiredPackages);
    }

    @Override
    public String getDescription() {
        return rule.getDescription();
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
