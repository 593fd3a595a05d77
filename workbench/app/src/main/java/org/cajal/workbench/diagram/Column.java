package org.cajal.workbench.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;

/**
 * One column of the network diagram: the input or a layer, drawn as a column of units (a vector) or as a stack of
 * feature maps (an image-like output {@code [channels, height, width]}, or a sequence {@code [features, time]}).
 *
 * @param layer the layer's index in the stack, -1 for the input
 * @param title the layer type ({@code dense}, {@code conv2d}) or {@code input}
 * @param detail the activation, or the shape in words
 * @param shape the output shape, empty when the runtime could not build the layer
 */
record Column(int layer, String title, String detail, Optional<Shape> shape) {

    /** Whether this column is a vector of units (else feature maps). */
    boolean units() {
        return shape.map(s -> s.rank() == 1).orElse(true);
    }

    /** Units of a vector column (0 when unknown). */
    int unitCount() {
        return shape.filter(s -> s.rank() == 1).map(s -> (int) Math.min(Integer.MAX_VALUE, s.dim(0))).orElse(0);
    }

    /** Channels (feature maps) of a map column. */
    int channels() {
        return shape.filter(s -> s.rank() >= 2).map(s -> (int) s.dim(0)).orElse(1);
    }

    /** The size under the column: {@code 8}, {@code 6@24×24}, {@code 16×20}. */
    String size() {
        if (shape.isEmpty()) {
            return "?";
        }
        Shape s = shape.get();
        if (s.rank() == 1) {
            return Long.toString(s.dim(0));
        }
        StringBuilder b = new StringBuilder().append(s.dim(0)).append('@');
        for (int i = 1; i < s.rank(); i++) {
            b.append(i > 1 ? "×" : "").append(s.dim(i));
        }
        return b.toString();
    }

    /** The columns of a layer stack: the input, then one per layer (shapes from the summary when it is of it). */
    static List<Column> of(Pipeline p, ModelSummary summary) {
        List<Column> columns = new ArrayList<>();
        Optional<Shape> input = summary == null ? Optional.empty() : summary.input();
        columns.add(new Column(-1, "input", "", input));
        List<ComponentRef> layers = p.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            ComponentRef ref = layers.get(i);
            Optional<Shape> out = summary != null && i < summary.layers().size()
                    && summary.layers().get(i).type().equals(ref.type())
                    ? summary.layers().get(i).output() : Optional.empty();
            Object activation = ref.params().get("activation");
            columns.add(new Column(i, ref.type(), activation == null ? "" : activation.toString(), out));
        }
        return columns;
    }
}
