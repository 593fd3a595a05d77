/**
 * Tests a Cajal plugin in a real Cajal: {@link org.cajal.testkit.RunningCajal} boots an installed distribution's
 * Apache Felix framework in the test JVM (found by {@link org.cajal.testkit.CajalHome}), drops the plugin jar into a
 * watched {@code plugins/} folder, waits for its components by {@link org.cajal.api.ComponentKind} and id, runs
 * {@code cajal run} and the other launcher commands with captured output, and removes the jar again;
 * {@link org.cajal.testkit.CajalExtension} does the boot once per JVM for JUnit 5 tests. See docs/plugins.md.
 */
package org.cajal.testkit;
