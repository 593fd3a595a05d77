package org.cajal.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Small rooms: no source file of src/main over {@value #MAX_CLASS} lines and no method or constructor over
 * {@value #MAX_METHOD} (from its first line, annotations and Javadoc excluded, to its closing brace). A class that
 * outgrows them is split along its responsibilities, not cut in halves.
 */
class SizeRulesTest {

    static final int MAX_CLASS = 400;
    static final int MAX_METHOD = 60;

    private static List<Path> sources;

    @BeforeAll
    static void findSources() throws IOException {
        Path tree = Path.of(System.getProperty("cajal.tree", "..")).toAbsolutePath().normalize();
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> all = Files.walk(tree)) {
            sources = all.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> !p.toString().contains("/archetype-resources/"))
                    .sorted().toList();
        }
        assertTrue(sources.size() > 100, "found the tree's sources under " + tree);
    }

    @Test
    void noClassOverFourHundredLines() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path p : sources) {
            long lines;
            try (Stream<String> s = Files.lines(p)) {
                lines = s.count();
            }
            if (lines > MAX_CLASS) {
                over.add(p + ": " + lines + " lines");
            }
        }
        assertTrue(over.isEmpty(), "over " + MAX_CLASS + " lines (split along responsibilities):\n"
                + String.join("\n", over));
    }

    @Test
    void noMethodOverSixtyLines() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path p : sources) {
            CompilationUnit unit = StaticJavaParser.parse(p);
            for (CallableDeclaration<?> m : unit.findAll(CallableDeclaration.class)) {
                int begin = m.getName().getBegin().orElseThrow().line;
                int end = m.getEnd().orElseThrow().line;
                if (end - begin + 1 > MAX_METHOD) {
                    over.add(p + ":" + begin + " " + m.getNameAsString() + " " + (end - begin + 1) + " lines");
                }
            }
        }
        assertTrue(over.isEmpty(), "methods over " + MAX_METHOD + " lines:\n" + String.join("\n", over));
    }
}
