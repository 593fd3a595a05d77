/**
 * Apache Spark as the engine of distributed experiments, outside OSGi: {@link org.cajal.spark.SparkTrialDistributor}
 * (the driver, a launcher-side service) runs an experiment's trials as Spark tasks; {@link org.cajal.spark.TrialTask}
 * runs one on an executor through {@link org.cajal.spark.EmbeddedCajal}, one Cajal framework per executor JVM.
 */
package org.cajal.spark;
