package org.cajal.workbench.core;

import java.util.function.Supplier;

import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.RunReader;

/**
 * The runtime bundle's pipeline services as the window sees them now: reading and formatting pipelines
 * ({@link PipelineFormat}), checking them ({@link PipelineCheck}), starting runs ({@link PipelineExecutor}) and
 * reading finished runs back ({@link RunReader}). Each may be absent (the bundle {@code org.cajal.runtime} not
 * started); views ask on every use. Any thread.
 */
public final class RuntimeServices {

    /** No runtime at all (tests, or a window made before the bundle is known). */
    public static final RuntimeServices NONE = new RuntimeServices(() -> null, () -> null, () -> null, () -> null);

    private final Supplier<PipelineFormat> format;
    private final Supplier<PipelineCheck> check;
    private final Supplier<PipelineExecutor> executor;
    private final Supplier<RunReader> reader;

    public RuntimeServices(Supplier<PipelineFormat> format, Supplier<PipelineCheck> check,
                           Supplier<PipelineExecutor> executor, Supplier<RunReader> reader) {
        this.format = format;
        this.check = check;
        this.executor = executor;
        this.reader = reader;
    }

    /** Reads, parses and formats pipelines. */
    public PipelineFormat format() {
        return present(format.get());
    }

    /** Validates, summarises and checks pipelines. */
    public PipelineCheck check() {
        return present(check.get());
    }

    /** Starts runs. */
    public PipelineExecutor executor() {
        return present(executor.get());
    }

    /** Reads finished runs back. */
    public RunReader reader() {
        return present(reader.get());
    }

    /** The run reader, or null when the runtime is not running (listing runs still works without it). */
    public RunReader readerIfPresent() {
        return reader.get();
    }

    private static <T> T present(T service) {
        if (service == null) {
            throw new IllegalStateException("the runtime bundle (org.cajal.runtime) is not running");
        }
        return service;
    }
}
