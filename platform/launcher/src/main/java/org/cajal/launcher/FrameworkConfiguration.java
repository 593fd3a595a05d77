package org.cajal.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Constants;

/**
 * Builds the framework properties handed to {@code FrameworkFactory.newFramework}: Cajal's defaults, then the
 * caller's entries, which win. Pure: creates no folders, so it can be unit-tested.
 */
final class FrameworkConfiguration {

    /** Felix's own log level: 0 = silent; errors reach the user through the launcher's framework listener. */
    static final String FELIX_LOG_LEVEL = "felix.log.level";
    /** Start level of bundles that FileInstall installs from {@code plugins/}. */
    static final String FELIX_BUNDLE_START_LEVEL = "felix.startlevel.bundle";

    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    static final String FILEINSTALL_POLL = "felix.fileinstall.poll";
    static final String FILEINSTALL_NO_INITIAL_DELAY = "felix.fileinstall.noInitialDelay";
    static final String FILEINSTALL_START_NEW = "felix.fileinstall.bundles.new.start";
    static final String FILEINSTALL_FILTER = "felix.fileinstall.filter";
    /** FileInstall's log level: 1 errors, 2 warnings, 3 information (each bundle installed), 4 debug. */
    static final String FILEINSTALL_LOG_LEVEL = "felix.fileinstall.log.level";
    /** {@code jul}: FileInstall logs through java.util.logging (to {@code System.err}) instead of {@code System.out}. */
    static final String FILEINSTALL_LOG_TO = "felix.fileinstall.log.default";

    private FrameworkConfiguration() {
    }

    /**
     * @param home the distribution folder
     * @param storage the framework's cache folder
     * @param extra caller entries; they override every default
     */
    static Map<String, String> build(Path home, Path storage, Map<String, String> extra) {
        Map<String, String> c = new TreeMap<>();
        c.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        c.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        c.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, CajalFramework.LAUNCHER_SPI_EXPORT);
        c.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(StartLevels.PLUGINS));
        c.put(FELIX_BUNDLE_START_LEVEL, Integer.toString(StartLevels.PLATFORM));
        c.put(FELIX_LOG_LEVEL, "0");
        c.put(CajalFramework.HOME_PROPERTY, home.toString());
        c.put(FILEINSTALL_DIR, home.resolve("plugins").toString());
        c.put(FILEINSTALL_POLL, "500");
        c.put(FILEINSTALL_NO_INITIAL_DELAY, "true");
        c.put(FILEINSTALL_START_NEW, "true");
        // only bundles and configuration files: plugins/README.txt is not an artifact
        c.put(FILEINSTALL_FILTER, ".*\\.(jar|cfg|config)");
        c.put(FILEINSTALL_LOG_LEVEL, "2");
        c.put(FILEINSTALL_LOG_TO, "jul");
        c.putAll(extra);
        return c;
    }
}
