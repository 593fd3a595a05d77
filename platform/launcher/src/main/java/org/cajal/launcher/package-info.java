/**
 * The plain-Java launcher: boots Apache Felix on a Cajal distribution folder and runs headless commands.
 *
 * <p>{@link org.cajal.launcher.Main} is the command-line entry point; {@link org.cajal.launcher.CajalFramework}
 * is the boot API that integration tests use to start the same framework in-process.
 */
package org.cajal.launcher;
