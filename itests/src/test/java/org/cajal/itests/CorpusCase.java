package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One case of the malformed-input corpus ({@code src/test/resources/corpus/*.cases}): the files it writes, the
 * command it runs, the exit status it expects and the fragments the message must hold. A case file holds many:
 *
 * <pre>
 * === a semicolon-separated CSV read without its delimiter
 * cmd: run @pipeline.json --out @runs
 * exit: 1
 * expect: @houses.csv has no column 'price'
 * expect: set "delimiter": ";"
 * --- pipeline.json from csv.json
 * replace: "epochs": 2 =&gt; "epochs": 3
 * --- houses.csv
 * x1;x2;price
 * </pre>
 *
 * In {@code cmd:} and {@code expect:}, {@code @name} is the absolute path of a file in the case's folder, {@code @}
 * alone the folder, and {@code ''} an empty argument. A file is written as UTF-8 text, or {@code [latin1]}
 * (ISO-8859-1), or {@code [bom]} (with a UTF-8 byte-order mark); {@code from T} starts it from the template
 * {@code corpus/templates/T} with the {@code replace: OLD => NEW} lines applied (each OLD must occur).
 */
record CorpusCase(String file, String name, String command, List<String> args, int exit, List<String> expected,
                  List<Source> sources) {

    /**
     * Java exception class names and library packages a message must not contain. A package a plugin needs
     * ({@code com.example.missing}) is the user's word, not an internal one.
     */
    static final Pattern INTERNALS = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.(lang|io|nio|util)\\."
            + "|\\borg\\.(apache|osgi|deeplearning4j|nd4j|bytedeco)\\.|\\bcom\\.fasterxml\\.|\tat ");

    /** One file a case writes: its name, how (text, latin1, bom), and its lines or template. */
    record Source(String name, String mode, String template, List<String[]> replacements, List<String> lines) {
    }

    /** Reads every case of a case file. */
    static List<CorpusCase> read(Path file) throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("=== ")) {
                i++;
                continue;
            }
            String name = lines.get(i).substring(4).strip();
            i++;
            String cmd = null;
            int exit = 1;
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("---") && !lines.get(i).startsWith("=== ")) {
                String line = lines.get(i++);
                if (line.startsWith("cmd: ")) {
                    cmd = line.substring(5).strip();
                } else if (line.startsWith("exit: ")) {
                    exit = Integer.parseInt(line.substring(6).strip());
                } else if (line.startsWith("expect: ")) {
                    expected.add(line.substring(8));
                }
            }
            List<Source> sources = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith("--- ")) {
                String[] head = lines.get(i++).substring(4).strip().split("\\s+");
                List<String> words = List.of(head);
                String mode = words.stream().filter(w -> w.startsWith("[")).findFirst().orElse("");
                int from = words.indexOf("from");
                String template = from > 0 && from + 1 < head.length ? head[from + 1] : null;
                List<String[]> replacements = new ArrayList<>();
                List<String> body = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).startsWith("--- ") && !lines.get(i).startsWith("=== ")) {
                    String line = lines.get(i++);
                    if (template != null && line.startsWith("replace: ")) {
                        replacements.add(line.substring(9).split(" => ", 2));
                    } else if (template == null) {
                        body.add(line);
                    }
                }
                sources.add(new Source(head[0], mode, template, replacements, body));
            }
            if (cmd == null) {
                throw new IllegalArgumentException(file + ": case '" + name + "' has no cmd: line");
            }
            String[] words = cmd.split("\\s+");
            cases.add(new CorpusCase(file.getFileName().toString(), name, words[0],
                    List.of(Arrays.copyOfRange(words, 1, words.length)), exit, expected, sources));
        }
        return cases;
    }

    /** Writes the case's files into {@code dir}. */
    void writeFiles(Path dir, Path templates) throws IOException {
        for (Source s : sources) {
            Path target = dir.resolve(s.name());
            Files.createDirectories(target.getParent());
            String text;
            if (s.template() != null) {
                text = Files.readString(templates.resolve(s.template()), StandardCharsets.UTF_8);
                for (String[] r : s.replacements()) {
                    if (!text.contains(r[0])) {
                        throw new IllegalArgumentException(file + ": case '" + name + "': the template "
                                + s.template() + " has no «" + r[0] + "»");
                    }
                    text = text.replace(r[0], r.length > 1 ? r[1] : "");
                }
            } else {
                text = s.lines().isEmpty() ? "" : String.join("\n", s.lines()) + "\n";
            }
            text = text.replace("\\t", "\t");
            byte[] bytes = switch (s.mode()) {
                case "[latin1]" -> text.getBytes(StandardCharsets.ISO_8859_1);
                case "[bom]" -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
                case "[noeol]" -> text.strip().getBytes(StandardCharsets.UTF_8);
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
            Files.write(target, bytes);
        }
    }

    /** The arguments with {@code @name} made absolute paths in {@code dir}. */
    String[] arguments(Path dir) {
        return args.stream().map(a -> a.equals("''") ? "" : expand(a, dir)).toArray(String[]::new);
    }

    static String expand(String text, Path dir) {
        Matcher m = Pattern.compile("@([\\w./-]*)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(1).isEmpty() ? dir.toString() : dir.resolve(m.group(1)).toString();
            m.appendReplacement(out, Matcher.quoteReplacement(path));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The checks every case makes: status, fragments, no internals, nothing left behind. */
    void check(CajalRuntime.Outcome o, Path dir, Set<String> filesBefore) throws IOException {
        assertEquals(exit, o.status(), () -> this + "\n" + o);
        String said = o.err() + o.out();
        for (String fragment : expected) {
            String wanted = expand(fragment, dir);
            assertTrue(said.contains(wanted), () -> this + ": expected «" + wanted + "» in\n" + o);
        }
        Matcher internal = INTERNALS.matcher(said);
        assertFalse(internal.find(), () -> this + ": a Java name or library internal («"
                + internal.group() + "») in\n" + o);
        if (exit != 0) {
            assertEquals(filesBefore, files(dir), () -> this + ": files left behind or removed\n" + o);
        }
    }

    /** The regular files under a folder, relative; folders (an --out folder made before the error) are not counted. */
    static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
