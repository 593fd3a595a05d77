package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The malformed-input corpus, written as data ({@code src/test/resources/corpus/*.cases}, read by
 * {@link CorpusCase}): pipeline files, CSV and IDX data, predict inputs and command lines, each run through the real
 * command in the shared framework. Every case asserts its exit status, the fragments that name the place (file and
 * line and column, JSON path, row, column, parameter) and the fix, that no Java exception name or library package
 * reaches the user, and that nothing is left behind: no file in the case's folder beyond those it wrote (no half
 * run folder), and no new temporary folder of Cajal's.
 */
@ExtendWith(CajalRuntime.class)
class MalformedInputCorpusTest {

    /** The corpus must keep at least this many cases across its files and {@link BinaryInputCorpusTest}. */
    static final int TEXT_CASES_AT_LEAST = 110;

    @TestFactory
    List<DynamicContainer> everyCaseIsAClearMessageAndLeavesNothingBehind(CajalRuntime cajal) throws Exception {
        Path corpus = corpus();
        List<DynamicContainer> files = new ArrayList<>();
        int count = 0;
        try (Stream<Path> list = Files.list(corpus)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".cases")).sorted().toList()) {
                List<CorpusCase> cases = CorpusCase.read(file);
                count += cases.size();
                files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), cases.stream()
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(cajal, c, corpus)))));
            }
        }
        int total = count;
        assertTrue(total >= TEXT_CASES_AT_LEAST, () -> "the corpus shrank to " + total + " cases");
        return files;
    }

    private static void run(CajalRuntime cajal, CorpusCase c, Path corpus) throws Exception {
        Path dir = cajal.newFolder("corpus");
        c.writeFiles(dir, corpus.resolve("templates"));
        Set<String> before = CorpusCase.files(dir);
        Set<String> temporary = temporaryFolders();
        CajalRuntime.Outcome o = cajal.command(c.command(), c.arguments(dir));
        c.check(o, dir, before);
        Set<String> left = temporaryFolders();
        left.removeAll(temporary);
        assertEquals(Set.of(), left, () -> c + ": temporary files left behind\n" + o);
    }

    /** Cajal's entries in the temporary folder, less the framework caches of the running frameworks. */
    static Set<String> temporaryFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("cajal") && !n.startsWith("cajal-felix-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Path corpus() throws URISyntaxException {
        return Path.of(MalformedInputCorpusTest.class.getResource("/corpus").toURI());
    }
}
