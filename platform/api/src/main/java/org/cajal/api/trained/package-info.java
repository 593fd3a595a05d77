/**
 * Trained runs opened for what comes after training: saying which inputs a model uses (the explain bundle) and
 * handing the model to other tools (ONNX, PyTorch). The runtime provides {@link TrainedRuns}.
 */
@Version("1.0.0")
package org.cajal.api.trained;

import org.osgi.annotation.versioning.Version;
