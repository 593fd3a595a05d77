package org.cajal.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Cajal installation a test boots: the folder of an unpacked Cajal distribution, the one holding
 * {@code bin/}, {@code lib/}, {@code bundles/} and {@code plugins/}.
 *
 * <p>Where it comes from, first match wins:
 * <ol>
 *   <li>the system property {@value #PROPERTY} (in a Maven project: surefire's {@code systemPropertyVariables});</li>
 *   <li>the environment variable {@value #ENVIRONMENT}.</li>
 * </ol>
 * A plugin project typically unpacks a Cajal release ({@code cajal-VERSION.tar.gz}) somewhere once and runs
 * {@code mvn verify -Dcajal.home=/path/to/cajal-VERSION}, or exports {@code CAJAL_HOME}; inside Cajal's own build
 * the assembled {@code distribution/target/cajal} is used.
 */
public final class CajalHome {

    /** System property naming the installation folder. */
    public static final String PROPERTY = "cajal.home";
    /** Environment variable naming the installation folder, read when the system property is not set. */
    public static final String ENVIRONMENT = "CAJAL_HOME";

    private CajalHome() {
    }

    /**
     * The installation named by {@value #PROPERTY} or {@value #ENVIRONMENT}.
     *
     * @throws IllegalStateException when neither is set, or the folder is not a Cajal installation; the message
     *         says how to point the test at one
     */
    public static Path locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return check(Path.of(property), "the system property " + PROPERTY);
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return check(Path.of(environment), "the environment variable " + ENVIRONMENT);
        }
        throw new IllegalStateException("no Cajal installation to test with: set the system property " + PROPERTY
                + " (mvn verify -D" + PROPERTY + "=/path/to/cajal) or the environment variable " + ENVIRONMENT
                + " to the folder of an unpacked Cajal distribution, the one holding bundles/ and lib/");
    }

    /**
     * Checks that a folder is a Cajal installation.
     *
     * @param home the folder
     * @param source where the folder was named, for the message ({@code "the system property cajal.home"})
     * @return the folder, absolute and normalised
     * @throws IllegalStateException naming the folder, the source and what is missing
     */
    public static Path check(Path home, String source) {
        Path absolute = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalStateException(source + " names " + absolute + ", which is not a folder; point it at "
                    + "the folder of an unpacked Cajal distribution, the one holding bundles/ and lib/");
        }
        for (String part : new String[] {"bundles", "lib"}) {
            if (!Files.isDirectory(absolute.resolve(part))) {
                throw new IllegalStateException(source + " names " + absolute + ", which has no " + part
                        + "/ folder, so it is not a Cajal installation; point it at the folder of an unpacked "
                        + "Cajal distribution (the one holding bin/, lib/, bundles/ and plugins/)");
            }
        }
        return absolute;
    }
}
