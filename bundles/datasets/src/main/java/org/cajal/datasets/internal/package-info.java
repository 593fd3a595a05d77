/** Dataset services (CSV files, synthetic XOR) and the in-memory table they share; private to this bundle. */
package org.cajal.datasets.internal;
