package org.cajal.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cajal.launcher.spi.CajalProperties;
import org.cajal.launcher.spi.PluginProblems;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;

/**
 * What happens to the jars in {@code plugins/}, told once: FileInstall's log (java.util.logging, logger
 * {@value #FILEINSTALL_LOGGER}) is taken from the console; each failure becomes ONE console line naming the jar and
 * the reason in Cajal's words ({@link PluginFailures}), and the full record, stack trace included, is appended to
 * {@code plugins.log} in the logs folder ({@value #LOGS_PROPERTY}, default {@code ~/.cajal/logs}). Lower-level
 * records (a bundle installed, with {@code -v}) still reach the console as one line. The same reasons are offered to
 * the bundles as the {@link PluginProblems} service, which the workbench's Plugins view shows.
 */
final class PluginLog extends Handler implements PluginProblems {

    /** Framework property naming the folder of Cajal's log files. */
    static final String LOGS_PROPERTY = "cajal.logs";
    static final String FILE_NAME = "plugins.log";
    /** The java.util.logging logger FileInstall writes to with {@code felix.fileinstall.log.default=jul}. */
    static final String FILEINSTALL_LOGGER = "fileinstall";
    /** Service property counting the changes, so that the service is MODIFIED whenever a problem comes or goes. */
    static final String CHANGES_PROPERTY = "cajal.plugin.problems.changes";

    /** Held so that java.util.logging keeps this logger, and the handlers set on it, alive. */
    private static final Logger FILEINSTALL = Logger.getLogger(FILEINSTALL_LOGGER);
    private static final Pattern JAR = Pattern.compile("([^/\\\\\\s:]+\\.jar)\\b");

    private final Path file;
    private final PrintStream console;
    private final Map<String, String> problems = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile ServiceRegistration<PluginProblems> registration;
    private final AtomicLong changes = new AtomicLong();

    private PluginLog(Path file, PrintStream console) {
        this.file = file;
        this.console = console;
    }

    /** Takes FileInstall's log over for this framework until {@link #close()}. */
    static PluginLog open(Map<String, String> config, PrintStream console) {
        String logs = config.get(LOGS_PROPERTY);
        Path folder = logs == null || logs.isBlank() ? CajalProperties.userFolder().resolve("logs") : Path.of(logs);
        PluginLog log = new PluginLog(folder.resolve(FILE_NAME), console);
        FILEINSTALL.setUseParentHandlers(false);
        FILEINSTALL.addHandler(log);
        return log;
    }

    /** Records a jar the launcher found unusable before FileInstall saw it (see {@link PluginJars}). */
    void jar(String jarName, String problem) {
        write("the launcher's check of plugins/" + jarName + ": " + problem, null);
        report(jarName, problem, false);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        write(record.getLevel() + " " + message, record.getThrown());
        if (record.getLevel().intValue() < Level.WARNING.intValue()) {
            console.println("cajal: " + message);
            return;
        }
        Matcher jar = JAR.matcher(message);
        String name = null;
        while (jar.find()) {
            name = jar.group(1);
        }
        String reason = record.getThrown() != null ? PluginFailures.reason(record.getThrown()) : message;
        report(name == null ? "" : name, reason, true);
    }

    /** One console line per jar and reason; a repeat of the same failure (FileInstall retries) is not printed. */
    private void report(String jarName, String reason, boolean pointToLog) {
        String before = problems.put(jarName, reason);
        if (reason.equals(before)) {
            return;
        }
        changed();
        console.println("cajal: " + (jarName.isEmpty() ? "plugins" : "plugins/" + jarName) + ": " + reason
                + (pointToLog ? " (details in " + file + ")" : ""));
    }

    /** Appends one record to the log file; a log that cannot be written is not worth failing over. */
    private synchronized void write(String text, Throwable thrown) {
        StringWriter entry = new StringWriter();
        PrintWriter out = new PrintWriter(entry);
        out.println(Instant.now() + " " + text);
        if (thrown != null) {
            thrown.printStackTrace(out);
        }
        out.flush();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | SecurityException e) {
            // the console line has said what matters
        }
    }

    /**
     * Offers the problems to the bundles as a service and keeps them current: a jar whose bundle starts or is
     * uninstalled is no longer a problem; when the framework stops, FileInstall's log goes back to the console.
     */
    void register(BundleContext context) {
        registration = context.registerService(PluginProblems.class, this, properties());
        context.addBundleListener(event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                close();
            } else if (event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.UNINSTALLED) {
                Matcher jar = JAR.matcher(String.valueOf(event.getBundle().getLocation()));
                while (jar.find()) {
                    if (problems.remove(jar.group(1)) != null) {
                        changed();
                    }
                }
            }
        });
    }

    /** Tells the service's users (a ServiceEvent.MODIFIED) that the problems changed. */
    private void changed() {
        changes.incrementAndGet();
        ServiceRegistration<PluginProblems> r = registration;
        if (r != null) {
            try {
                r.setProperties(properties());
            } catch (IllegalStateException unregistered) {
                // the framework is stopping
            }
        }
    }

    private Dictionary<String, Object> properties() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(CHANGES_PROPERTY, changes.get());
        return p;
    }

    @Override
    public Map<String, String> problems() {
        synchronized (problems) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    @Override
    public Path log() {
        return file;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        FILEINSTALL.removeHandler(this);
        if (FILEINSTALL.getHandlers().length == 0) {
            FILEINSTALL.setUseParentHandlers(true);
        }
    }
}
