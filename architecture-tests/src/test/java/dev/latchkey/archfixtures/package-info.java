/**
 * Fixture classes for the architecture rules: a tiny Latchkey-shaped code base (domain, application.port.in,
 * application.port.out, application.service, persistence, web, dashboard, app).
 *
 * <p>Classes whose simple name starts with {@code Bad} break exactly the rule they are named for; all others
 * are well layered, so every rule passes on the fixtures without the {@code Bad} classes and fails with them.
 * These are test classes: the rules over the real code never import them.
 */
package dev.latchkey.archfixtures;
