package org.cajal.explain.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.trained.TrainedRun;

/**
 * preprocessing.json beside an exported model: how to turn a raw row into the model's input, and how to read its
 * output. Plain JSON values; the keys are described in docs/export.md.
 */
public final class PreprocessingFile {

    public static final String NAME = "preprocessing.json";

    private PreprocessingFile() {
    }

    public static Map<String, Object> of(TrainedRun run, PreprocessingMap map) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.folder().getFileName().toString());
        out.put("inputWidth", map.constant().length);
        out.put("inputShape", run.schema().featureShape().size() > 1 ? run.schema().featureShape()
                : List.of(map.constant().length));
        out.put("inputColumns", map.inputNames());
        List<Object> features = new ArrayList<>();
        for (ColumnMap c : map.columns()) {
            features.add(feature(c));
        }
        out.put("features", features);
        List<Object> constant = new ArrayList<>();
        for (int o = 0; o < map.constant().length; o++) {
            if (!Double.isNaN(map.constant()[o])) {
                constant.add(Map.of("column", o, "value", map.constant()[o]));
            }
        }
        out.put("constantColumns", constant);
        out.put("output", output(run));
        return out;
    }

    private static Map<String, Object> feature(ColumnMap c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", c.name());
        f.put("kind", c.categorical() ? "categorical" : "numeric");
        f.put("columns", c.outputs());
        if (c.categorical()) {
            f.put("categories", c.categories());
            Map<String, Object> values = new LinkedHashMap<>();
            for (int k = 0; k < c.categories().size(); k++) {
                values.put(c.categories().get(k), c.table()[k]);
            }
            f.put("values", values);
            f.put("fill", Double.isNaN(c.fill()) ? null : c.categories().get((int) c.fill()));
        } else {
            f.put("scale", c.scale());
            f.put("offset", c.offset());
            f.put("fill", Double.isNaN(c.fill()) ? null : c.fill());
        }
        return f;
    }

    private static Map<String, Object> output(TrainedRun run) {
        DataSchema schema = run.schema();
        Map<String, Object> o = new LinkedHashMap<>();
        if (schema.targetKind().isClassification()) {
            o.put("kind", "classification");
            o.put("classes", schema.classLabels());
            boolean single = run.network().map(n -> n.getLayers()[n.getLayers().length - 1].getParam("W"))
                    .map(w -> w.size(1) == 1).orElse(false);
            o.put("rule", single ? "one column: the probability of class '" + schema.classLabels().get(1)
                    + "'; the other class has 1 minus it" : "one column per class: its probability");
        } else {
            TrainedRun.TargetUnits units = run.targetUnits();
            o.put("kind", "regression");
            o.put("targets", schema.targetNames());
            o.put("scale", units.scale());
            o.put("offset", units.offset());
            o.put("rule", "target = (output - offset) / scale, per target column");
        }
        return o;
    }
}
