package org.cajal.experiments.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.experiments.internal.store.FolderFiles;

/** The software of a run in one sentence, and the appendix listing every bundle (provenance.json). */
final class SoftwareText {

    /** The appendix file a report writes beside methods.md. */
    static final String APPENDIX = "software.md";

    private SoftwareText() {
    }

    /** Cajal, DL4J, Java, backend, CPU and OS in one sentence, pointing to the appendix for the bundles. */
    static String sentence(Map<String, Object> provenance) {
        String cajal = null;
        List<Object> bundles = FolderFiles.array(provenance, "bundles");
        for (Object o : bundles) {
            if (o instanceof Map<?, ?> m && "org.cajal.runtime".equals(m.get("symbolicName"))) {
                cajal = String.valueOf(m.get("version"));
            }
        }
        StringBuilder b = new StringBuilder("The computations were run with Cajal");
        if (cajal != null) {
            b.append(" ").append(cajal);
        }
        String dl4j = dl4jVersion(provenance);
        if (dl4j != null) {
            b.append(", Deeplearning4j ").append(dl4j);
        }
        Map<String, Object> jvm = FolderFiles.object(provenance, "jvm");
        if (jvm.get("version") != null) {
            b.append(", Java ").append(jvm.get("version"));
            if (jvm.get("vm") != null) {
                b.append(" (").append(jvm.get("vm")).append(")");
            }
        }
        Map<String, Object> backend = FolderFiles.object(provenance, "backend");
        if (backend.get("kind") != null) {
            b.append(", on the ").append(backend.get("kind")).append(" backend of ND4J");
            if (backend.get("nativeVariant") != null) {
                b.append(" (").append(backend.get("nativeVariant")).append(")");
            }
        }
        List<Object> devices = FolderFiles.array(FolderFiles.object(provenance, "cpu"), "devices");
        if (!devices.isEmpty()) {
            b.append(", on ").append(devices.stream().map(d -> d.toString().replaceFirst("^CPU: ", ""))
                    .reduce((x, y) -> x + "; " + y).orElse("")).append(",");
        }
        Map<String, Object> os = FolderFiles.object(provenance, "os");
        if (os.get("name") != null) {
            b.append(" under ").append(os.get("name")).append(" ").append(os.getOrDefault("version", "")).append(" (")
                    .append(os.getOrDefault("arch", "")).append(")");
        }
        if (!bundles.isEmpty()) {
            b.append("; ").append(APPENDIX).append(" lists its ").append(bundles.size()).append(" bundles and their "
                    + "versions");
        }
        return b.append(".").toString();
    }

    /** A DL4J version when the provenance records one (a key naming dl4j or deeplearning4j with "version"). */
    private static String dl4jVersion(Map<String, Object> provenance) {
        for (Map.Entry<String, Object> e : provenance.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if ((k.contains("dl4j") || k.contains("deeplearning4j")) && e.getValue() != null) {
                return e.getValue().toString();
            }
        }
        Map<String, Object> details = FolderFiles.object(FolderFiles.object(provenance, "backend"), "details");
        for (Map.Entry<String, Object> e : details.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if ((k.contains("dl4j") || k.contains("deeplearning4j") || k.contains("nd4j")) && k.contains("version")) {
                return String.valueOf(e.getValue());
            }
        }
        return null;
    }

    /** The appendix: every bundle of the run with its version and state; empty when none is recorded. */
    static String appendix(Map<String, Object> provenance) {
        List<String> lines = new ArrayList<>();
        for (Object o : FolderFiles.array(provenance, "bundles")) {
            if (o instanceof Map<?, ?> m && m.get("symbolicName") != null) {
                lines.add("| " + m.get("symbolicName") + " | " + m.get("version") + " | "
                        + (m.get("state") == null ? "" : m.get("state")) + " |");
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "# Software\n\nThe OSGi bundles of the run (provenance.json), as loaded when it started.\n\n"
                + "| bundle | version | state |\n|---|---|---|\n" + String.join("\n", lines) + "\n";
    }
}
