/**
 * Latchkey's architecture rules (ARCHITECTURE.md, "Modules" and "Tests") and their tests.
 *
 * <ul>
 *   <li>{@link dev.latchkey.architecture.LatchkeyRules}: every rule, as a factory parameterised by the base
 *       package; {@code all()} lists them.</li>
 *   <li>{@link dev.latchkey.architecture.GuardedRule}: a rule that also fails when a package it names is empty
 *       (ArchUnit's {@code failOnEmptyShould} stays on as well).</li>
 *   <li>{@code ArchitectureTest}: every rule over the real classes of all modules (main jars only).</li>
 *   <li>{@code RulesCanFailTest}: every rule over the fixtures in {@code dev.latchkey.archfixtures}: passes on the
 *       well-layered ones, fails on the {@code Bad*} ones for its own reason, fails when a package is missing.</li>
 * </ul>
 *
 * <p>Adding a rule: add its factory to {@code LatchkeyRules.all()}, add {@code Bad*} fixture classes that break
 * it, and list what its failure must mention in {@code RulesCanFailTest.EXPECTED_VIOLATIONS} (a test fails until
 * every rule has an entry).
 */
package dev.latchkey.architecture;
