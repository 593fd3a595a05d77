package org.cajal.workbench.runs;

import java.util.Locale;
import java.util.Set;

/**
 * One row of the runs table: a run or an experiment folder, with its kind and tags.
 *
 * @param run  what the folder says (an experiment: its summary numbers and mean curves, no epochs)
 * @param kind {@code run}, {@code search}, {@code repeats} or {@code sweep}
 * @param tags its tags (tags.json), in the order stored
 */
public record RunRow(RunSummary run, String kind, Set<String> tags) {

    public RunRow {
        kind = kind == null || kind.isBlank() ? "run" : kind;
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(tags));
    }

    /** The tags as one line, comma separated. */
    public String tagText() {
        return String.join(", ", tags);
    }

    /** Whether the id or pipeline name contains the text (case-insensitive); blank text matches every row. */
    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return run.runId().toLowerCase(Locale.ROOT).contains(t) || run.pipeline().toLowerCase(Locale.ROOT).contains(t);
    }

    /** Whether it has the tag (case-insensitive); null or blank matches every row. */
    public boolean hasTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return true;
        }
        return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag.strip()));
    }

    /**
     * Whether the corrected resampled t-test can use it: a repeats experiment, or a run with a k-fold split (its
     * evaluation has per-fold values).
     */
    public boolean pairable() {
        return "repeats".equals(kind) || ("run".equals(kind) && run.evaluation().containsKey("folds"));
    }
}
