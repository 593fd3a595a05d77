/**
 * Preprocessing steps (standardise, min-max, one-hot, image-scale, target-standardise) as Preprocessor services,
 * and the small serialisable fitted transforms they return; private to this bundle.
 */
package org.cajal.preprocessing.internal;
