package org.cajal.testkit;

import java.nio.file.Path;

/**
 * The result of one launcher command ({@code cajal run}, {@code cajal plot}, ...): its exit status and what it
 * printed. {@link #toString()} shows all three, which makes it a good assertion message:
 * {@code assertEquals(0, outcome.status(), outcome::toString)}.
 *
 * @param status the exit status: 0 success, 1 the input was at fault (the message is on {@code err}), 2 usage error
 * @param out what the command printed on standard output (progress, results)
 * @param err what it printed on standard error (one clear message per problem)
 */
public record CommandOutcome(int status, String out, String err) {

    private static final String RUN_FOLDER = "run folder: ";

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return status == 0;
    }

    /**
     * The run folder a successful {@code cajal run} printed as its last line ({@code run folder: PATH}): where
     * metrics.csv, evaluation.json, the model and the plots are.
     *
     * @throws AssertionError when the output names no run folder (the run failed; the message shows the output)
     */
    public Path runFolder() {
        int at = out.lastIndexOf(RUN_FOLDER);
        if (at < 0) {
            throw new AssertionError("the command printed no run folder:\n" + this);
        }
        String rest = out.substring(at + RUN_FOLDER.length());
        int end = rest.indexOf('\n');
        return Path.of((end < 0 ? rest : rest.substring(0, end)).strip());
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
