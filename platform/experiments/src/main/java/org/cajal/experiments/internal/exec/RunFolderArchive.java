package org.cajal.experiments.internal.exec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;

/**
 * Writes a run folder that came back zipped from an executor into an experiment's {@code runs/}. The folder keeps
 * the name the executor's runtime gave it ({@code <yyyyMMdd-HHmmss>-<name>}); when a trial of the same second has
 * that name here already, it takes the next free {@code -k} suffix, as the runtime would have named it here, and
 * its provenance.json's {@code run} says so.
 */
final class RunFolderArchive {

    private RunFolderArchive() {
    }

    /**
     * Unpacks the zip (entries {@code NAME/...}) into {@code runs}, complete before it appears under its name.
     *
     * @return the run folder
     * @throws IOException when the zip is not a run folder's or cannot be written
     */
    static Path unpack(byte[] zip, Path runs, int trial) throws IOException {
        Path part = Files.createTempDirectory(runs, ".incoming-trial-" + trial + "-");
        String name = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String entry = e.getName();
                int slash = entry.indexOf('/');
                String top = slash < 0 ? entry : entry.substring(0, slash);
                if (name == null) {
                    name = top;
                }
                Path target = part.resolve(entry).normalize();
                if (!top.equals(name) || top.isEmpty() || top.startsWith(".") || !target.startsWith(part)) {
                    throw new IOException("the run folder sent back for trial " + trial + " holds '" + entry
                            + "', outside its folder '" + name + "'");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (name == null) {
                throw new IOException("the run folder sent back for trial " + trial + " is empty");
            }
            return place(part.resolve(name), runs, name);
        } finally {
            AtomicFiles.deleteTree(part);
        }
    }

    private static Path place(Path unpacked, Path runs, String name) throws IOException {
        for (int k = 1; ; k++) {
            String candidate = k == 1 ? name : name + "-" + k;
            Path target = runs.resolve(candidate);
            if (Files.exists(target)) {
                continue;
            }
            if (k > 1) {
                renameRun(unpacked, candidate);
            }
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (Files.exists(target)) {
                    continue; // a local run took the name meanwhile
                }
                throw e;
            }
        }
    }

    private static void renameRun(Path folder, String id) throws IOException {
        Path provenance = folder.resolve(RunFiles.PROVENANCE);
        if (Files.isRegularFile(provenance)) {
            JsonNode tree = Json.readTree(provenance);
            if (tree instanceof ObjectNode o && o.has("run")) {
                o.put("run", id);
                Json.write(provenance, o);
            }
        }
    }
}
