/**
 * Hyperparameter search (grid and random) and capacity sweeps: the search section's checks ({@link
 * org.cajal.experiments.internal.search.SearchSpace}), parameter paths ({@link
 * org.cajal.experiments.internal.search.JsonPath}), trial generation, results.csv / best-pipeline.json, sweep.csv
 * and its chart, and the {@code cajal search} and {@code cajal sweep} commands.
 */
package org.cajal.experiments.internal.search;
