package org.cajal.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a virtual X server (Xvfb) for the test JVM before any test runs, so the workbench tests open a real
 * window without a desktop. The build sets {@code DISPLAY} for the test JVM (itests/pom.xml,
 * {@code cajal.xvfb.display}); AWT reads it when it first starts, which is why this runs at the very beginning of
 * the session. If an X server already answers on that display it is used as it is. Xvfb comes from Debian's
 * {@code xvfb} package ({@code .ci/run} installs it).
 */
public final class XvfbSession implements LauncherSessionListener {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String display = System.getenv("DISPLAY");
        if (display == null || !display.matches(":\\d+(\\.\\d+)?")) {
            return; // not a local display this session manages (e.g. tests run from an IDE on a desktop)
        }
        int number = Integer.parseInt(display.substring(1).split("\\.")[0]);
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        Path lock = Path.of("/tmp/.X" + number + "-lock");
        if (Files.exists(socket) && serverAlive(lock)) {
            return;
        }
        try {
            // a server that died leaves its lock and socket behind; Xvfb refuses to start over them
            if (!serverAlive(lock)) {
                Files.deleteIfExists(lock);
                Files.deleteIfExists(socket);
            }
            Path xvfbBinary = onPath("Xvfb").orElseThrow(() -> new IllegalStateException(
                    "The workbench tests need a virtual X server, and Xvfb is not installed: "
                            + "apt-get install xvfb (Debian's package; .ci/run installs it)"));
            Path log = Path.of("target", "xvfb.log");
            Files.createDirectories(log.getParent());
            // -terminate: the server exits when its last client disconnects, i.e. when this JVM exits. Killing it
            // earlier would make AWT's X connection fail, and AWT then ends the JVM with status 1.
            Process xvfb = new ProcessBuilder(xvfbBinary.toString(), display, "-screen", "0", "1600x1000x24", "-nolisten",
                    "tcp", "-ac", "-terminate").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.exists(socket)) {
                if (!xvfb.isAlive()) {
                    throw new IllegalStateException("Xvfb " + display + " exited with status " + xvfb.exitValue()
                            + "; see " + log.toAbsolutePath());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Xvfb " + display + " did not open its socket " + socket
                            + " within " + START_TIMEOUT.toSeconds() + " s; see " + log.toAbsolutePath());
                }
                Thread.sleep(50);
            }
            // connect now, so that the server has a client to outlive it even if no test opens a window
            java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        } catch (IOException e) {
            throw new IllegalStateException("could not start Xvfb on " + display + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Xvfb", e);
        }
    }

    private static boolean serverAlive(Path lock) {
        try {
            if (!Files.exists(lock)) {
                return false;
            }
            long pid = Long.parseLong(Files.readString(lock).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }
}
