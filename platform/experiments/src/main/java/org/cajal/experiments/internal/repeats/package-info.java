/**
 * Repeats over seeds (summary.json, curves.csv; k-fold pipelines summarised over repeats × folds), the paired
 * corrected resampled t-test between two configurations, and the {@code cajal repeat} and {@code cajal compare}
 * commands.
 */
package org.cajal.experiments.internal.repeats;
