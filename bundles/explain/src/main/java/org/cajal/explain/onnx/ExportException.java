package org.cajal.explain.onnx;

/** A model that cannot be exported in the asked format; the message names the layer or step and what would work. */
public class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
