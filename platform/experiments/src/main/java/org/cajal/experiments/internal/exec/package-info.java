/**
 * The trial machinery every experiment shares: the experiment folder ({@link
 * org.cajal.experiments.internal.exec.ExperimentSetup}), its trials.jsonl ({@link
 * org.cajal.experiments.internal.exec.TrialLog}), running trials in parallel with resume and cancel ({@link
 * org.cajal.experiments.internal.exec.TrialExecutor}), reading run folders, and the commands' common parts.
 */
package org.cajal.experiments.internal.exec;
