package org.cajal.api;

/** The type of a parameter value, as it appears in a pipeline file and in a generated form. */
public enum ParameterKind {
    /** A whole number (JSON integer). */
    INTEGER,
    /** A real number (JSON number). */
    NUMBER,
    /** true or false. */
    BOOLEAN,
    /** Free text. */
    STRING,
    /** One of a fixed list of strings. */
    CHOICE,
    /** A path to a file; relative paths are resolved against the pipeline file's folder. */
    FILE
}
