package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cajal.launcher.spi.PluginProblems;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The binary part of the malformed-input corpus (the text part is {@link MalformedInputCorpusTest}): damaged
 * model.zip files and predict inputs, IDX files, reproducibility bundles and plugin jars, each made from a real run,
 * bundle or jar and then broken one way. Each case asserts the exit status, that the message names the file and the
 * place, that it holds no Java exception name or library package, and that nothing is left behind.
 */
@ExtendWith(CajalRuntime.class)
class BinaryInputCorpusTest {

    /** A damage to a copy of the trained run, then the predict command line (run folder, input file). */
    interface RunDamage {
        void apply(Path run, Path other, Path dir) throws IOException;
    }

    /** A damage to the bytes of bundle.json inside a copy of the bundle, or to the bundle's entries. */
    interface BundleDamage {
        void apply(Map<String, byte[]> entries);
    }

    private static Path run;
    private static Path otherRun;
    private static Path bundle;

    @TestFactory
    List<DynamicContainer> damagedInputsGiveOneClearMessage(CajalRuntime cajal) throws Exception {
        trained(cajal);
        return List.of(
                DynamicContainer.dynamicContainer("model.zip and predict", modelCases(cajal)),
                DynamicContainer.dynamicContainer("IDX", idxCases(cajal)),
                DynamicContainer.dynamicContainer("bundles", bundleCases(cajal)),
                DynamicContainer.dynamicContainer("plugin jars", pluginCases(cajal)),
                DynamicContainer.dynamicContainer("damaged run folders", runFolderCases(cajal)));
    }

    // ------------------------------------------------------------------ damaged run folders, every reader

    /**
     * A run folder with one damaged file, read by each command that reads run folders: a command may still do
     * what it can without that file, but it never shows a Java name, and when it fails its message names the file.
     */
    private Stream<DynamicTest> runFolderCases(CajalRuntime cajal) {
        Map<String, String[]> damages = new LinkedHashMap<>();
        damages.put("evaluation.json", new String[] {"{ \"test\": ", "[1, 2]"});
        damages.put("metrics.csv", new String[] {"epoch,loss\n1,abc\n", "epoch,loss\n1\n2,0.5,7\n"});
        damages.put("provenance.json", new String[] {"{ not json", "\"text\""});
        damages.put("predictions.csv", new String[] {"row,predicted\nx,y,z\n"});
        damages.put("split.json", new String[] {"{\"indices\": \"all\"}"});
        damages.put("pipeline.json", new String[] {"{}"});
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String[]> d : damages.entrySet()) {
            for (int v = 0; v < d.getValue().length; v++) {
                String content = d.getValue()[v];
                for (String command : List.of("plot", "report", "runs", "bundle")) {
                    String name = command + " with " + d.getKey() + " damaged (" + (v + 1) + ")";
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Path dir = cajal.newFolder("corpus-folder");
                        Path copy = dir.resolve("run");
                        copyTree(run, copy);
                        Files.writeString(copy.resolve(d.getKey()), content);
                        CajalRuntime.Outcome o = switch (command) {
                            case "plot" -> cajal.command("plot", copy.toString(), "--out", dir.resolve("plots").toString());
                            case "report" -> cajal.command("report", copy.toString(), "--out", dir.resolve("rep").toString());
                            case "runs" -> cajal.command("runs", "list", "--dir", dir.toString());
                            default -> cajal.command("bundle", copy.toString(), "--out", dir.resolve("b.zip").toString());
                        };
                        String said = o.err() + o.out();
                        assertFalse(CorpusCase.INTERNALS.matcher(said).find(), () -> name + ": a Java name in\n" + o);
                        assertFalse(said.contains("\tat "), () -> name + ": a stack trace\n" + o);
                        if (o.status() != 0) {
                            assertTrue(said.contains(d.getKey()), () -> name + ": the message names no file\n" + o);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    // ------------------------------------------------------------------ model.zip and predict

    private Stream<DynamicTest> modelCases(CajalRuntime cajal) {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("a truncated model.zip", new Object[] {(RunDamage) (r, o, d) -> truncate(r.resolve("model.zip")),
                "@run/model.zip is truncated or damaged"});
        cases.put("an empty model.zip", new Object[] {(RunDamage) (r, o, d) -> Files.write(r.resolve("model.zip"),
                new byte[0]), "@run/model.zip is not a model file"});
        cases.put("a text file as model.zip", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                r.resolve("model.zip"), "model"), "@run/model.zip is not a model file"});
        cases.put("model.zip is a folder", new Object[] {(RunDamage) (r, o, d) -> {
            Files.delete(r.resolve("model.zip"));
            Files.createDirectory(r.resolve("model.zip"));
        }, "@run/model.zip is a folder"});
        cases.put("model.zip is missing", new Object[] {(RunDamage) (r, o, d) -> Files.delete(r.resolve("model.zip")),
                "@run/model.zip not found"});
        cases.put("a zip without a network", new Object[] {(RunDamage) (r, o, d) -> zip(r.resolve("model.zip"),
                Map.of("readme.txt", "x".getBytes(StandardCharsets.UTF_8))),
                "@run/model.zip holds no trained network"});
        cases.put("a network configuration that is not one", new Object[] {(RunDamage) (r, o, d) -> {
            zip(r.resolve("model.zip"), Map.of("configuration.json", "{}".getBytes(StandardCharsets.UTF_8),
                    "coefficients.bin", new byte[8]));
            rehash(r);
        }, "@run/model.zip cannot be read back as a trained network"});
        cases.put("another run's model.zip", new Object[] {(RunDamage) (r, o, d) -> Files.copy(o.resolve("model.zip"),
                r.resolve("model.zip"), StandardCopyOption.REPLACE_EXISTING),
                "@run/model.zip is not the model this run saved", "@run/provenance.json records"});
        cases.put("a damaged schema.json", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                r.resolve("schema.json"), "{\"featureNames\": 1}"), "@run/schema.json is damaged"});
        cases.put("schema.json missing", new Object[] {(RunDamage) (r, o, d) -> Files.delete(r.resolve("schema.json")),
                "@run/schema.json"});
        cases.put("a damaged pipeline.json in the run", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                r.resolve("pipeline.json"), "{ not json"), "@run/pipeline.json: line 1"});
        cases.put("a damaged provenance.json", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                r.resolve("provenance.json"), "[1,"), "@run/provenance.json"});
        cases.put("an input without a feature column", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                d.resolve("new.csv"), "area,price\n1.0,2.0\n"), "@new.csv has no column 'distance'"});
        cases.put("an input with only its header", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                d.resolve("new.csv"), "area,distance\n"), "@new.csv has no data rows"});
        cases.put("an empty input", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(d.resolve("new.csv"),
                ""), "@new.csv is empty"});
        cases.put("a Latin-1 input", new Object[] {(RunDamage) (r, o, d) -> Files.write(d.resolve("new.csv"),
                "area,distance,ort\n1,2,Zürich\n".getBytes(StandardCharsets.ISO_8859_1)), "@new.csv is not UTF-8"});
        cases.put("an input that is not there", new Object[] {(RunDamage) (r, o, d) -> Files.delete(
                d.resolve("new.csv")), "@new.csv not found"});
        cases.put("no row can be scored", new Object[] {(RunDamage) (r, o, d) -> Files.writeString(
                d.resolve("new.csv"), "area,distance\nx,1\n2,y\n"), "@new.csv row 1 (line 2)",
                "no row of @new.csv could be scored"});
        cases.put("a run folder that is not there", new Object[] {(RunDamage) (r, o, d) -> AtomicDelete.tree(r),
                "@run not found"});
        cases.put("a file given as the run folder", new Object[] {(RunDamage) (r, o, d) -> {
            AtomicDelete.tree(r);
            Files.writeString(r, "not a folder");
        }, "@run is a file, not a run folder"});
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path dir = cajal.newFolder("corpus-model");
            Path copy = dir.resolve("run");
            copyTree(run, copy);
            Files.writeString(dir.resolve("new.csv"), "area,distance\n1.0,2.0\n2.0,1.5\n");
            ((RunDamage) e.getValue()[0]).apply(copy, otherRun, dir);
            Set<String> before = CorpusCase.files(dir);
            CajalRuntime.Outcome o = cajal.command("predict", copy.toString(), dir.resolve("new.csv").toString());
            check(e.getKey(), o, 1, dir, before, Arrays.copyOfRange(e.getValue(), 1, e.getValue().length, String[].class));
        }));
    }

    // ------------------------------------------------------------------ IDX

    private Stream<DynamicTest> idxCases(CajalRuntime cajal) throws IOException {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        byte[] images = idx(0x803, new int[] {6, 2, 2}, new byte[24]);
        byte[] labels = idx(0x801, new int[] {6}, new byte[] {0, 1, 0, 1, 0, 1});
        cases.put("images with a labels file's magic", new Object[] {labels, labels,
                "@images.idx has magic number 0x00000801", "swapped"});
        cases.put("labels with an images file's magic", new Object[] {images, images, "@labels.idx has magic number"});
        cases.put("a file that is not IDX", new Object[] {"hello world, not idx".getBytes(StandardCharsets.UTF_8),
                labels, "@images.idx has magic number", "not an IDX file"});
        cases.put("a header cut short", new Object[] {Arrays.copyOf(images, 9), labels, "@images.idx is truncated"});
        cases.put("images cut short", new Object[] {Arrays.copyOf(images, images.length - 5), labels,
                "@images.idx is truncated", "6 images"});
        cases.put("labels cut short", new Object[] {images, Arrays.copyOf(labels, labels.length - 2),
                "@labels.idx is truncated"});
        cases.put("fewer labels than images", new Object[] {images, idx(0x801, new int[] {5}, new byte[5]),
                "@images.idx holds 6 images but", "@labels.idx"});
        cases.put("an empty images file", new Object[] {new byte[0], labels, "@images.idx is truncated"});
        cases.put("a gzip file cut short", new Object[] {Arrays.copyOf(gzip(images), 20), labels,
                "@images.idx", "gzip"});
        cases.put("a missing images file", new Object[] {null, labels, "@images.idx not found"});
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path dir = cajal.newFolder("corpus-idx");
            if (e.getValue()[0] != null) {
                Files.write(dir.resolve("images.idx"), (byte[]) e.getValue()[0]);
            }
            Files.write(dir.resolve("labels.idx"), (byte[]) e.getValue()[1]);
            Files.writeString(dir.resolve("p.json"), """
                    {"schema": 1, "name": "idx", "dataset": {"type": "idx", "params": {"images": "images.idx",
                     "labels": "labels.idx"}}, "model": {"layers": [{"type": "dense", "params": {"units": 2}},
                     {"type": "output"}]}, "training": {"loss": "categorical-cross-entropy",
                     "optimizer": {"type": "sgd"}, "epochs": 1}}
                    """);
            Set<String> before = CorpusCase.files(dir);
            CajalRuntime.Outcome o = cajal.run(dir.resolve("p.json").toString(), "--out", dir.resolve("runs").toString());
            check(e.getKey(), o, 1, dir, before, Arrays.copyOfRange(e.getValue(), 2, e.getValue().length, String[].class));
        }));
    }

    // ------------------------------------------------------------------ bundles

    private Stream<DynamicTest> bundleCases(CajalRuntime cajal) {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("a seed that is not a number", json("\"seed\" : 7", "\"seed\" : \"abc\"",
                "$.runs[0].seed: expected a whole number but got text \"abc\""));
        cases.put("a fractional seed", json("\"seed\" : 7", "\"seed\" : 7.5", "$.runs[0].seed"));
        cases.put("no seed", json("\"seed\" : 7,", "", "$.runs[0].seed: missing"));
        cases.put("a format from the future", json("\"format\" : 1", "\"format\" : 9", "$.format: format 9"));
        cases.put("a kind that does not exist", json("\"kind\" : \"run\"", "\"kind\" : \"nap\"", "$.kind"));
        cases.put("runs as text", json("\"runs\" : [", "\"runs\" : \"none\", \"x\" : [", "$.runs: expected a list"));
        cases.put("a folder outside the bundle", json("\"folder\" : \"runs/", "\"folder\" : \"../../",
                "$.runs[0].folder"));
        cases.put("an id that is a number", new Object[] {(BundleDamage) m -> m.put("bundle.json",
                text(m.get("bundle.json")).replaceFirst("\"id\" : \"[^\"]+\"", "\"id\" : 5")
                        .getBytes(StandardCharsets.UTF_8)), "$.runs[0].id: expected text but got the number 5"});
        cases.put("a data file hash that is not one", new Object[] {(BundleDamage) m -> {
            String text = text(m.get("bundle.json"));
            int at = text.indexOf("\"dataFiles\"");
            m.put("bundle.json", (text.substring(0, at) + text.substring(at)
                    .replaceFirst("\"sha256\" : \"[0-9a-f]+\"", "\"sha256\" : \"xyz\"")).getBytes(StandardCharsets.UTF_8));
        }, "$.runs[0].dataFiles[0].sha256: 'xyz' is not a SHA-256"});
        cases.put("bundle.json that is not JSON", new Object[] {(BundleDamage) m -> m.put("bundle.json",
                "{ \"format\": ".getBytes(StandardCharsets.UTF_8)), "@b.zip!bundle.json: line 1", "not valid JSON"});
        cases.put("no bundle.json", new Object[] {(BundleDamage) m -> m.remove("bundle.json"),
                "@b.zip is not a Cajal bundle (no bundle.json at its root)"});
        cases.put("the run's pipeline.json missing from the bundle", new Object[] {(BundleDamage) m ->
                m.keySet().removeIf(k -> k.endsWith("/pipeline.json")), "has no pipeline.json in the bundle"});
        cases.put("a bundled data file changed", new Object[] {(BundleDamage) m -> m.replaceAll((k, v) ->
                k.startsWith("data/") ? "area,distance,price\n9,9,9\n".getBytes(StandardCharsets.UTF_8) : v),
                "does not match its SHA-256 in bundle.json"});
        cases.put("an entry that points outside", new Object[] {(BundleDamage) m -> m.put("../evil.txt", new byte[1]),
                "points outside the bundle"});
        List<DynamicTest> tests = new ArrayList<>(cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey(), () -> rerun(cajal, e.getKey(), (BundleDamage) e.getValue()[0], null,
                        Arrays.copyOfRange(e.getValue(), 1, e.getValue().length, String[].class)))).toList());
        tests.add(DynamicTest.dynamicTest("a text file as the bundle", () -> rerun(cajal, "text bundle", null,
                "not a zip".getBytes(StandardCharsets.UTF_8), "@b.zip")));
        tests.add(DynamicTest.dynamicTest("a truncated bundle", () -> rerun(cajal, "truncated bundle", null,
                Arrays.copyOf(Files.readAllBytes(bundle), (int) Files.size(bundle) / 2), "@b.zip")));
        tests.add(DynamicTest.dynamicTest("a bundle that is not there", () -> {
            Path dir = cajal.newFolder("corpus-bundle");
            CajalRuntime.Outcome o = cajal.command("rerun", dir.resolve("b.zip").toString(), "--out",
                    dir.resolve("runs").toString());
            check("missing bundle", o, 1, dir, CorpusCase.files(dir), "@b.zip", "not found");
        }));
        return tests.stream();
    }

    private static Object[] json(String from, String to, String... expected) {
        List<Object> out = new ArrayList<>();
        out.add((BundleDamage) m -> {
            String text = text(m.get("bundle.json"));
            assertTrue(text.contains(from), "bundle.json has no «" + from + "»:\n" + text);
            m.put("bundle.json", text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        });
        out.addAll(List.of(expected));
        return out.toArray();
    }

    private void rerun(CajalRuntime cajal, String name, BundleDamage damage, byte[] raw, String... expected)
            throws Exception {
        Path dir = cajal.newFolder("corpus-bundle");
        Path zip = dir.resolve("b.zip");
        if (raw != null) {
            Files.write(zip, raw);
        } else {
            Map<String, byte[]> entries = unzip(bundle);
            damage.apply(entries);
            zip(zip, entries);
        }
        Set<String> before = CorpusCase.files(dir);
        Set<String> temporary = MalformedInputCorpusTest.temporaryFolders();
        CajalRuntime.Outcome o = cajal.command("rerun", zip.toString(), "--out", dir.resolve("runs").toString());
        check(name, o, 1, dir, before, expected);
        Set<String> left = MalformedInputCorpusTest.temporaryFolders();
        left.removeAll(temporary);
        assertEquals(Set.of(), left, () -> name + ": temporary folders left behind\n" + o);
        assertFalse(o.out().contains("identical"), () -> name + ": nothing was rerun\n" + o);
    }

    // ------------------------------------------------------------------ plugin jars

    private Stream<DynamicTest> pluginCases(CajalRuntime cajal) throws IOException {
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("a plugin that needs a package nobody exports", new Object[] {manifest("com.example.needy",
                "com.example.missing;version=\"[1.2,2)\"", null), "it needs the package com.example.missing 1.2.0 or later"});
        cases.put("a plugin whose activator class is missing", new Object[] {manifest("com.example.noactivator",
                null, "com.example.noactivator.Gone"), "its activator com.example.noactivator.Gone is not in the jar"});
        cases.put("a plugin that needs a bundle that is not installed", new Object[] {requireBundle(
                "com.example.lonely", "com.example.absent"), "it needs the bundle com.example.absent"});
        cases.put("a plugin built for a Java that is not this one", new Object[] {requireCapability(
                "com.example.future", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version>=99))\""),
                "it needs a Java version (JavaSE)"});
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String jarName = e.getKey().replaceAll("\\W+", "-") + ".jar";
            Path jar = cajal.plugins().resolve(jarName);
            Files.write(jar, (byte[]) e.getValue()[0]);
            try {
                String reason = awaitProblem(cajal, jarName);
                String expected = (String) e.getValue()[1];
                assertTrue(reason.startsWith(expected), () -> e.getKey() + ": expected «" + expected + "» in " + reason);
                assertFalse(CorpusCase.INTERNALS.matcher(reason).find(), () -> e.getKey() + ": internals in " + reason);
            } finally {
                Files.delete(jar);
            }
        }));
    }

    private static String awaitProblem(CajalRuntime cajal, String jarName) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Optional<String> reason = cajal.kit().awaitService(PluginProblems.class.getName(), Duration.ofSeconds(5))
                    .map(s -> ((PluginProblems) s).reason(jarName)).flatMap(r -> r);
            if (reason.isPresent()) {
                return reason.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the launcher reported no problem with " + jarName + " within 30 s");
    }

    // ------------------------------------------------------------------ shared

    /** Trains two small CSV runs (one model for each) and bundles the first, once for all cases. */
    private static synchronized void trained(CajalRuntime cajal) throws Exception {
        if (run != null) {
            return;
        }
        Path dir = cajal.newFolder("corpus-trained");
        Files.writeString(dir.resolve("houses.csv"), "area,distance,price\n1.0,2.0,3.0\n1.5,1.0,2.5\n2.0,1.0,3.5\n"
                + "2.5,3.0,1.5\n3.0,2.0,4.0\n3.5,1.0,4.5\n4.0,2.5,3.0\n4.5,1.5,5.0\n");
        String pipeline = Files.readString(MalformedInputCorpusTest.corpus().resolve("templates/csv.json"));
        Files.writeString(dir.resolve("p.json"), pipeline);
        run = trainedRun(cajal, dir, "7");
        otherRun = trainedRun(cajal, dir, "8");
        bundle = dir.resolve("bundle.zip");
        CajalRuntime.Outcome o = cajal.command("bundle", run.toString(), "--out", bundle.toString());
        assertEquals(0, o.status(), o::toString);
    }

    private static Path trainedRun(CajalRuntime cajal, Path dir, String seed) throws InterruptedException {
        CajalRuntime.Outcome o = cajal.run(dir.resolve("p.json").toString(), "--out", dir.resolve("runs").toString(),
                "--seed", seed);
        assertEquals(0, o.status(), o::toString);
        return CajalRuntime.runFolder(o);
    }

    private static void check(String name, CajalRuntime.Outcome o, int exit, Path dir, Set<String> before,
                              String... expected) throws IOException {
        assertEquals(exit, o.status(), () -> name + "\n" + o);
        String said = o.err() + o.out();
        for (String fragment : expected) {
            String wanted = CorpusCase.expand(fragment, dir);
            assertTrue(said.contains(wanted), () -> name + ": expected «" + wanted + "» in\n" + o);
        }
        assertFalse(CorpusCase.INTERNALS.matcher(said).find(), () -> name + ": a Java name or internal in\n" + o);
        assertEquals(before, CorpusCase.files(dir), () -> name + ": files left behind or removed\n" + o);
    }

    /** The run's provenance.json records the SHA-256 of its current model.zip (for damage behind the hash). */
    private static void rehash(Path run) throws IOException {
        Path provenance = run.resolve("provenance.json");
        String text = Files.readString(provenance);
        int at = text.indexOf("\"modelFile\"");
        assertTrue(at > 0, "provenance.json records the model's hash:\n" + text);
        Files.writeString(provenance, text.substring(0, at) + text.substring(at).replaceFirst(
                "\"sha256\" : \"[0-9a-f]{64}\"", "\"sha256\" : \"" + sha256(run.resolve("model.zip")) + "\""));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] idx(int magic, int[] sizes, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + values.length);
        b.putInt(magic);
        for (int s : sizes) {
            b.putInt(s);
        }
        b.put(values);
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] manifest(String name, String imports, String activator) throws IOException {
        Manifest m = bundleManifest(name);
        if (imports != null) {
            m.getMainAttributes().putValue("Import-Package", imports);
        }
        if (activator != null) {
            m.getMainAttributes().putValue("Bundle-Activator", activator);
        }
        return jar(m);
    }

    private static byte[] requireBundle(String name, String required) throws IOException {
        Manifest m = bundleManifest(name);
        m.getMainAttributes().putValue("Require-Bundle", required);
        return jar(m);
    }

    private static byte[] requireCapability(String name, String capability) throws IOException {
        Manifest m = bundleManifest(name);
        m.getMainAttributes().putValue("Require-Capability", capability);
        return jar(m);
    }

    private static Manifest bundleManifest(String name) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", name);
        a.putValue("Bundle-Version", "1.0.0");
        return m;
    }

    private static byte[] jar(Manifest m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write(1);
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static void zip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes a folder tree (a case's own copy of a run). */
    static final class AtomicDelete {
        static void tree(Path folder) throws IOException {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

}
