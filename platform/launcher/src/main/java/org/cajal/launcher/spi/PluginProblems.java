package org.cajal.launcher.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The jars in {@code plugins/} that could not be installed, resolved or started, each with one reason in Cajal's
 * words: the same line the launcher prints on the console. The launcher registers it as an OSGi service; the
 * workbench's Plugins view shows each such jar as failed with its reason. The details (the framework's messages
 * and stack traces) go to {@link #log()} only.
 */
public interface PluginProblems {

    /** Each failed jar's file name ({@code my-plugin.jar}) and its reason, in the order they failed. */
    Map<String, String> problems();

    /** The reason the jar with this file name failed, or empty when it did not (or has been fixed since). */
    default Optional<String> reason(String jarFileName) {
        return Optional.ofNullable(problems().get(jarFileName));
    }

    /** The log file with the details of every plugin failure ({@code ~/.cajal/logs/plugins.log}). */
    Path log();
}
