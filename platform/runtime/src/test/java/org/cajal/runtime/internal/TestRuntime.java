package org.cajal.runtime.internal;

/** The runtime's four services wired as SCR wires them, over one set of installed components. */
final class TestRuntime {

    final InstalledComponents installed;
    final DefaultPipelineFormat format = new DefaultPipelineFormat();
    final DefaultPipelineCheck check = new DefaultPipelineCheck();
    final DefaultPipelineExecutor executor = new DefaultPipelineExecutor();
    final DefaultRunReader reader = new DefaultRunReader();

    TestRuntime() {
        this(TestComponents.installed());
    }

    TestRuntime(InstalledComponents installed) {
        this.installed = installed;
        check.installed = installed;
        executor.installed = installed;
        reader.installed = installed;
    }
}
