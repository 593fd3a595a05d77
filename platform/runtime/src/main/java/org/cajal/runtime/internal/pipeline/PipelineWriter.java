package org.cajal.runtime.internal.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.EarlyStopping;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;

/**
 * Writes a {@link Pipeline} in the file format {@link PipelineReader} reads, so that reading the text back gives an
 * equal pipeline and writing that again gives the same text.
 *
 * <p>Keys come in a fixed order: {@code schema, name, description, seed, dataset, preprocessing, split, model,
 * training, search}; inside a component {@code type, params}; inside {@code model} {@code architecture, params, layers};
 * inside {@code training} {@code loss, optimizer, epochs, batchSize, regularisation, earlyStopping, engine}. Parameters keep
 * the order they were given in. A key is left out only where the reader's default is the same value: an empty
 * {@code description}, empty {@code params} and {@code preprocessing}, the {@code layer-stack} architecture,
 * {@code folds} 0, zero regularisation terms, an absent {@code earlyStopping}, an
 * empty {@code search}. The {@code search} object is written exactly as it was read: its keys in their order,
 * nested objects and arrays, numbers with their Java type (Integer and Long as whole numbers, Double as a real),
 * text, true/false and null. The seed, the split and the batch
 * size are always written, so the file says what will run. Whole numbers are written as integers, real numbers
 * as real numbers ({@code 0.05}, {@code 1.0}), so they read back with the same Java type.
 */
public final class PipelineWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    public String format(Pipeline p) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", p.schemaVersion());
        root.put("name", p.name());
        if (!p.description().isEmpty()) {
            root.put("description", p.description());
        }
        root.put("seed", p.seed());
        root.set("dataset", component(p.dataset()));
        if (!p.preprocessing().isEmpty()) {
            root.set("preprocessing", components(p.preprocessing()));
        }
        root.set("split", split(p.split()));
        root.set("model", model(p.model()));
        root.set("training", training(p.training()));
        if (!p.search().isEmpty()) {
            root.set("search", free(p.search()));
        }
        try {
            return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pipeline '" + p.name() + "' as JSON", e);
        }
    }

    private static ObjectNode component(ComponentRef ref) {
        ObjectNode node = NODES.objectNode();
        node.put("type", ref.type());
        if (!ref.params().isEmpty()) {
            node.set("params", params(ref.params()));
        }
        return node;
    }

    private static ArrayNode components(List<ComponentRef> refs) {
        ArrayNode array = NODES.arrayNode();
        refs.forEach(r -> array.add(component(r)));
        return array;
    }

    private static ObjectNode params(Map<String, Object> params) {
        ObjectNode node = NODES.objectNode();
        params.forEach((key, value) -> {
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                node.put(key, ((Number) value).intValue());
            } else if (value instanceof Long l) {
                node.put(key, l);
            } else if (value instanceof Number n) {
                node.put(key, n.doubleValue());
            } else if (value instanceof Boolean b) {
                node.put(key, b);
            } else if (value instanceof String s) {
                node.put(key, s);
            } else {
                throw new IllegalArgumentException("parameter '" + key + "' holds "
                        + (value == null ? "null" : value.getClass().getSimpleName())
                        + "; a pipeline parameter must be a number, text or true/false");
            }
        });
        return node;
    }

    /** A plain value (map, list, number, text, boolean, null) as a JSON node. */
    private static com.fasterxml.jackson.databind.JsonNode free(Object value) {
        if (value instanceof Map<?, ?> m) {
            ObjectNode node = NODES.objectNode();
            m.forEach((k, v) -> node.set(String.valueOf(k), free(v)));
            return node;
        }
        if (value instanceof List<?> l) {
            ArrayNode array = NODES.arrayNode();
            l.forEach(v -> array.add(free(v)));
            return array;
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        throw new IllegalArgumentException("search holds a " + value.getClass().getSimpleName()
                + "; it may hold only objects, arrays, numbers, text, true/false and null");
    }

    private static ObjectNode split(SplitSpec s) {
        ObjectNode node = NODES.objectNode();
        node.put("validation", s.validation());
        node.put("test", s.test());
        node.put("stratify", s.stratify());
        if (s.isKFold()) {
            node.put("folds", s.folds());
        }
        if (s.labelNoise() > 0) {
            node.put("labelNoise", s.labelNoise());
        }
        return node;
    }

    private static ObjectNode model(ModelSpec m) {
        ObjectNode node = NODES.objectNode();
        if (!m.isLayerStack()) {
            node.put("architecture", m.architecture());
        }
        if (!m.params().isEmpty()) {
            node.set("params", params(m.params()));
        }
        if (m.isLayerStack() || !m.layers().isEmpty()) {
            node.set("layers", components(m.layers()));
        }
        return node;
    }

    private static ObjectNode training(TrainingSpec t) {
        ObjectNode node = NODES.objectNode();
        node.put("loss", t.loss());
        node.set("optimizer", component(t.optimizer()));
        node.put("epochs", t.epochs());
        node.put("batchSize", t.batchSize());
        if (!t.regularisation().isNone()) {
            node.set("regularisation", regularisation(t.regularisation()));
        }
        t.earlyStop().ifPresent(e -> node.set("earlyStopping", earlyStopping(e)));
        if (t.engine() != org.cajal.api.pipeline.TrainingEngine.AUTO) {
            node.put("engine", t.engine().id());
        }
        return node;
    }

    private static ObjectNode regularisation(Regularisation r) {
        ObjectNode node = NODES.objectNode();
        nonZero(node, "l1", r.l1());
        nonZero(node, "l2", r.l2());
        nonZero(node, "dropout", r.dropout());
        nonZero(node, "inputNoise", r.inputNoise());
        return node;
    }

    private static void nonZero(ObjectNode node, String key, double value) {
        if (value != 0) {
            node.put(key, value);
        }
    }

    private static ObjectNode earlyStopping(EarlyStopping e) {
        ObjectNode node = NODES.objectNode();
        node.put("patience", e.patience());
        node.put("minDelta", e.minDelta());
        node.put("restoreBest", e.restoreBest());
        return node;
    }
}
