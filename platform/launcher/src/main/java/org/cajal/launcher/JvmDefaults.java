package org.cajal.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * JVM system properties the launcher sets before booting, each only where the user has not set it ({@code -D} in
 * {@code CAJAL_OPTS}): JavaCPP's native-library cache, slf4j-simple's format and level (it reads system properties
 * when the first logger is made), and a matching one-line format for java.util.logging.
 */
final class JvmDefaults {

    /** Where JavaCPP extracts the ND4J/OpenBLAS natives; kept between runs, so later starts are fast. */
    static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";
    /**
     * JavaCPP's physical-memory ceiling. Its default makes every native allocation read the process's resident
     * size from /proc, which DL4J does for each small op: on XOR-sized networks it was about 40% of the training
     * time (house-prices example: 13.0 s → 7.4 s wall). 0 turns that check off; ND4J's own off-heap limit
     * ({@code org.bytedeco.javacpp.maxbytes}) still applies.
     */
    static final String JAVACPP_MAX_PHYSICAL = "org.bytedeco.javacpp.maxphysicalbytes";
    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";
    static final String LOG_SHOW_DATE_TIME = "org.slf4j.simpleLogger.showDateTime";
    static final String LOG_SHOW_THREAD = "org.slf4j.simpleLogger.showThreadName";
    static final String LOG_SHORT_NAME = "org.slf4j.simpleLogger.showShortLogName";
    static final String LOG_LEVEL_IN_BRACKETS = "org.slf4j.simpleLogger.levelInBrackets";
    /** java.util.logging's one-line format, like slf4j-simple's; FileInstall logs through it. */
    static final String JUL_FORMAT = "java.util.logging.SimpleFormatter.format";

    private JvmDefaults() {
    }

    /**
     * @param interactive the shell: log at info level; headless runs log warnings only, unless {@code verbose}
     * @param userHome the user's home folder; the JavaCPP cache goes to {@code ~/.cajal/javacpp}
     */
    static Map<String, String> defaults(boolean interactive, boolean verbose, Path userHome) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(JAVACPP_CACHE, userHome.resolve(".cajal").resolve("javacpp").toString());
        d.put(JAVACPP_MAX_PHYSICAL, "0");
        d.put(LOG_LEVEL, interactive || verbose ? "info" : "warn");
        d.put(LOG_FILE, "System.err");
        d.put(LOG_SHOW_DATE_TIME, "false");
        d.put(LOG_SHOW_THREAD, "false");
        d.put(LOG_SHORT_NAME, "true");
        d.put(LOG_LEVEL_IN_BRACKETS, "true");
        d.put(JUL_FORMAT, "[%4$s] %3$s - %5$s%6$s%n");
        return d;
    }

    static void applyUnlessSet(Map<String, String> defaults, Properties system) {
        defaults.forEach(system::putIfAbsent);
    }
}
