package org.cajal.launcher.spi;

import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one argument parser of Cajal's commands: picocli fills an object whose fields carry picocli's
 * {@code @Option} and {@code @Parameters} annotations, and a usage error becomes an
 * {@link IllegalArgumentException} in the same words for every command: {@code unknown option --fast},
 * {@code --out needs a value}, {@code --seed needs a whole number, got 'x'}, {@code missing FILE},
 * {@code unexpected argument b.json}, {@code --out needs a value, got an empty one}. The command prints it with its
 * usage and returns status 2.
 */
public final class CommandArguments {

    private CommandArguments() {
    }

    /**
     * Parses the arguments into {@code options} (a picocli-annotated object) and returns it.
     *
     * @throws IllegalArgumentException for a usage error, with the message to show
     */
    public static <T> T parse(T options, List<String> args) {
        parse(CommandLine.Model.CommandSpec.forAnnotatedObject(options), args);
        return options;
    }

    /**
     * Parses the arguments against a command described in code (options known only at run time) and returns what
     * matched.
     *
     * @throws IllegalArgumentException for a usage error, with the message to show
     */
    public static CommandLine.ParseResult parse(CommandLine.Model.CommandSpec spec, List<String> args) {
        CommandLine line = new CommandLine(spec).setOverwrittenOptionsAllowed(true)
                .setUnmatchedOptionsArePositionalParams(false).setPosixClusteredShortOptionsAllowed(false);
        CommandLine.ParseResult result;
        try {
            result = line.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
        // an empty value (--out "") would silently mean the current folder or nothing at all: say so instead
        for (OptionSpec o : result.matchedOptions()) {
            if (o.originalStringValues().stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(o.longestName() + " needs a value, got an empty one");
            }
        }
        for (var p : result.matchedPositionals()) {
            if (p.originalStringValues().stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("an empty argument where " + p.paramLabel() + " was expected");
            }
        }
        return result;
    }

    private static String describe(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String first = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            return first.startsWith("-") ? "unknown option " + first : "unexpected argument " + first;
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            ArgSpec missing = m.getMissing().isEmpty() ? null : m.getMissing().get(0);
            if (missing instanceof OptionSpec o) {
                return o.longestName() + " needs a value";
            }
            return "missing " + m.getMissing().stream().map(ArgSpec::paramLabel).collect(Collectors.joining(", "));
        }
        ArgSpec spec = e.getArgSpec();
        if (spec instanceof OptionSpec o && e.getValue() != null) {
            Class<?> type = o.type();
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                return o.longestName() + " needs a whole number, got '" + e.getValue() + "'";
            }
            if (type == double.class || type == Double.class) {
                return o.longestName() + " needs a number, got '" + e.getValue() + "'";
            }
        }
        return e.getMessage();
    }
}
