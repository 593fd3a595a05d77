/**
 * Fixtures for tests of the modules that run pipelines or read run folders. {@link org.cajal.testfixtures.FakeRunner}
 * stands in for the runtime's pipeline services (format, check, executor, reader) and writes small run folders
 * whose numbers follow from the pipeline, the seed and the data; {@link org.cajal.testfixtures.RunFolderBuilder}
 * writes run folders (provenance, metrics, evaluation, pipeline, folds, tags) through the run-folder library;
 * {@link org.cajal.testfixtures.TestPipelines} holds pipeline texts for both.
 */
package org.cajal.testfixtures;
