package org.cajal.api.model;

/**
 * A layer cannot be built where it stands: its input shape does not fit, or its parameters contradict each other
 * or the loss. The message names the layer index and both shapes and says how to fix it.
 */
public class LayerException extends Exception {

    private static final long serialVersionUID = 1L;

    public LayerException(String message) {
        super(message);
    }
}
