package org.cajal.runtime.internal;

import java.util.List;

import org.cajal.api.ComponentKind;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerType;
import org.cajal.api.train.OptimizerProvider;
import org.cajal.api.visual.Visualiser;
import org.cajal.runtime.internal.pipeline.Catalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The runtime's one whiteboard of contributed components: every dataset, preprocessing step, layer type,
 * optimizer, architecture and visualiser registered now, tracked as they come and go. The runner validates
 * against a snapshot of it; the docs command documents it.
 */
@Component(service = InstalledComponents.class)
public class InstalledComponents {

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

    /** What is installed at this moment, by kind and id, for one validation. */
    Catalog catalog() {
        return Catalog.of(datasets, preprocessors, layerTypes, optimizers, architectures);
    }

    /** The component reference of everything installed now. */
    public ComponentReference reference() {
        return new ComponentReference()
                .section(ComponentKind.DATASET.label(), datasets)
                .section(ComponentKind.PREPROCESSOR.label(), preprocessors)
                .section(ComponentKind.LAYER_TYPE.label(), layerTypes)
                .section(ComponentKind.OPTIMIZER.label(), optimizers)
                .section(ComponentKind.ARCHITECTURE.label(), architectures)
                .section(ComponentKind.VISUALISER.label(), visualisers);
    }
}
