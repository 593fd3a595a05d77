package org.cajal.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down and packages form no cycle, checked on the compiled bundles (their src/main only): a
 * change that adds an upward import or a cycle fails the build with the classes that cause it.
 */
class DependencyRulesTest {

    /** platform/: the API, the launcher and the platform libraries and services. */
    private static final String[] PLATFORM = {"org.cajal.api..", "org.cajal.launcher..", "org.cajal.charts..",
            "org.cajal.runfolder..", "org.cajal.runtime..", "org.cajal.experiments..", "org.cajal.engine.."};
    /** bundles/, plugins/ and the workbench: they build on the platform, never the other way round. */
    private static final String[] ABOVE = {"org.cajal.datasets..", "org.cajal.layers..", "org.cajal.optimizers..",
            "org.cajal.preprocessing..", "org.cajal.visualisers..", "org.cajal.explain..", "org.cajal.workbench..",
            "org.cajal.plugins..", "org.cajal.testkit.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.cajal");
    }

    @Test
    void platformImportsNoBundlePluginOrWorkbench() {
        noClasses().that().resideInAnyPackage(PLATFORM).should().dependOnClassesThat().resideInAnyPackage(ABOVE)
                .because("platform/ is below bundles/, plugins/ and the workbench (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void theApiDependsOnNoImplementation() {
        noClasses().that().resideInAPackage("org.cajal.api..").should().dependOnClassesThat()
                .resideInAnyPackage("org.cajal.runtime..", "org.cajal.experiments..", "org.cajal.runfolder..",
                        "org.cajal.charts..", "org.cajal.launcher..")
                .check(classes);
    }

    @Test
    void noPackageCycle() {
        slices().matching("org.cajal.(**)").should().beFreeOfCycles().check(classes);
    }
}
