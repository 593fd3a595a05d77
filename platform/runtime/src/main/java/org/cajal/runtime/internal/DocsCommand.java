package org.cajal.runtime.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerType;
import org.cajal.api.train.OptimizerProvider;
import org.cajal.api.visual.Visualiser;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code cajal docs [DIR]}: writes DIR/components.md (default docs/) from the components installed now. */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=docs")
public class DocsCommand implements LauncherCommand {

    static final String FILE = "components.md";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<DatasetProvider> datasets = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Preprocessor> preprocessors = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<LayerType> layerTypes = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<OptimizerProvider> optimizers = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ArchitectureProvider> architectures = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Visualiser> visualisers = List.of();

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            err.println("usage: cajal docs [DIR]   (writes DIR/" + FILE + ", default docs/)");
            return 2;
        }
        Path target = Path.of(args.isEmpty() ? "docs" : args.get(0)).resolve(FILE);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + FILE, ".tmp");
            Files.writeString(tmp, reference().markdown(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("error: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + target.toAbsolutePath());
        return 0;
    }

    ComponentReference reference() {
        return new ComponentReference()
                .section("Datasets", datasets)
                .section("Preprocessing", preprocessors)
                .section("Layers", layerTypes)
                .section("Optimizers", optimizers)
                .section("Architectures", architectures)
                .section("Visualisers", visualisers);
    }
}
