package org.cajal.api.data;

/** A dataset could not be opened or read; the message names the file, row and column and says how to fix it. */
public class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
