package org.cajal.api.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/** A pipeline cannot be read, validated or run; lists every problem with its location. */
public class PipelineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problems;

    /**
     * @param source the file (or other source) the pipeline came from, named first in the message
     */
    public PipelineException(String source, List<Problem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public PipelineException(String source, Problem problem) {
        this(source, List.of(problem));
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String source, List<Problem> problems) {
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        return source + ": " + problems.size() + " problems:" + problems.stream()
                .map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
