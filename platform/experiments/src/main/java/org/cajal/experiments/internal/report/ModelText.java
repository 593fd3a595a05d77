package org.cajal.experiments.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.experiments.internal.store.FolderFiles;

/**
 * The sentences of a methods paragraph on the model: every layer with its size and activation (the built-in
 * layers' defaults where the pipeline leaves them out), and the epochs run with early stopping only where it
 * fired (evaluation.json's {@code training}, per fold in k-fold).
 */
final class ModelText {

    /** The dense layer's defaults (bundles/layers' DenseLayerType). */
    private static final int DENSE_UNITS = 8;
    private static final String DENSE_ACTIVATION = "relu";

    private ModelText() {
    }

    /** The network, input to output, with the parameter count when recorded. */
    static String architecture(MethodsText.Inputs in) {
        Map<String, Object> model = FolderFiles.object(in.pipeline(), "model");
        String architecture = FolderFiles.string(model, "architecture");
        Object count = in.provenance().get("parameters");
        String params = count instanceof Number n ? " (" + String.format(Locale.ROOT, "%,d", n.longValue())
                + " trainable parameters)" : "";
        if (architecture != null && !"layer-stack".equals(architecture)) {
            String p = MethodsText.params(FolderFiles.object(model, "params"), List.of());
            return "The model was the " + architecture + " architecture" + (p.isEmpty() ? "" : " with " + p) + params
                    + ".";
        }
        List<String> layers = new ArrayList<>();
        String loss = FolderFiles.string(FolderFiles.object(in.pipeline(), "training"), "loss");
        for (Object o : FolderFiles.array(model, "layers")) {
            if (o instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> layer = (Map<String, Object>) m;
                layers.add(layer(layer, loss, in.schema()));
            }
        }
        int inputs = FolderFiles.array(in.schema(), "featureNames").size();
        return "The network" + params + " took " + (inputs > 0 ? inputs + " inputs" : "the inputs") + " through "
                + MethodsText.join(layers) + ".";
    }

    private static String layer(Map<String, Object> layer, String loss, Map<String, Object> schema) {
        String type = FolderFiles.string(layer, "type");
        Map<String, Object> p = FolderFiles.object(layer, "params");
        Object units = p.get("units");
        String activation = FolderFiles.string(p, "activation");
        if ("dense".equals(type)) {
            units = units == null ? DENSE_UNITS : units;
            activation = activation == null ? DENSE_ACTIVATION : activation;
        } else if ("output".equals(type)) {
            units = units == null ? outputUnits(loss, schema) : units;
            activation = activation == null || "auto".equals(activation) ? outputActivation(loss) : activation;
        }
        StringBuilder b = new StringBuilder("output".equals(type) ? "an output layer" : "a " + type + " layer");
        if (units != null) {
            b.append(" of ").append(units).append(Integer.valueOf(1).equals(units) ? " unit" : " units");
        }
        if (activation != null) {
            b.append(" with ").append(activation).append(" activation");
        }
        String rest = MethodsText.params(p, List.of("units", "activation"));
        if (!rest.isEmpty()) {
            b.append(" (").append(rest).append(")");
        }
        return b.toString();
    }

    /** The output layer's inferred width: classes, 1 for binary cross-entropy, targets for regression. */
    private static Integer outputUnits(String loss, Map<String, Object> schema) {
        int classes = FolderFiles.array(schema, "classLabels").size();
        int targets = FolderFiles.array(schema, "targetNames").size();
        if ("binary-cross-entropy".equals(loss)) {
            return 1;
        }
        if ("categorical-cross-entropy".equals(loss)) {
            return classes > 0 ? classes : null;
        }
        return targets > 0 ? targets : null;
    }

    private static String outputActivation(String loss) {
        if (loss == null) {
            return null;
        }
        return switch (loss) {
            case "categorical-cross-entropy" -> "softmax";
            case "binary-cross-entropy" -> "sigmoid";
            case "mse", "mae" -> "identity";
            default -> null;
        };
    }

    /**
     * How long training ran: nothing more when every epoch asked for ran; where early stopping fired, with the
     * rule; for a run recorded before evaluation.json said so, the rule as configured and where training ended.
     */
    static String epochs(MethodsText.Inputs in) {
        Map<String, Object> training = FolderFiles.object(in.pipeline(), "training");
        Object asked = training.get("epochs");
        List<Map<String, Object>> records = records(in.evaluation());
        if (records.isEmpty()) {
            Object completed = in.provenance().get("epochs");
            String rule = earlyStoppingRule(training);
            return (rule.isEmpty() ? "" : " " + rule)
                    + (completed instanceof Number c && asked instanceof Number e && c.intValue() < e.intValue()
                    ? " Training ended after " + c + " of the " + e + " epochs." : "");
        }
        long stopped = records.stream().filter(r -> Boolean.TRUE.equals(r.get("stoppedEarly"))).count();
        if (stopped == 0) {
            return records.size() == 1 ? "" : " Every fold ran all " + asked + " epochs.";
        }
        String why = "the validation loss had not improved" + patience(training);
        if (records.size() == 1) {
            Map<String, Object> r = records.get(0);
            return " Training stopped early after epoch " + r.get("stoppedAtEpoch") + " of " + asked + ", as " + why
                    + restored(r) + ".";
        }
        List<String> per = new ArrayList<>();
        records.forEach(r -> per.add(String.valueOf(r.get("epochs"))));
        return " The folds ran " + MethodsText.join(per) + " of the " + asked + " epochs: early stopping ended "
                + stopped + " of the " + records.size() + " folds, as " + why + ".";
    }

    private static String patience(Map<String, Object> training) {
        if (!(training.get("earlyStopping") instanceof Map<?, ?> m)) {
            return "";
        }
        Object minDelta = m.get("minDelta") == null ? 0 : m.get("minDelta");
        boolean delta = minDelta instanceof Number d && d.doubleValue() > 0;
        return (delta ? " by more than " + minDelta : "") + " for " + (m.get("patience") == null ? 10
                : m.get("patience")) + " epochs";
    }

    private static String restored(Map<String, Object> r) {
        return Boolean.TRUE.equals(r.get("restoredBest")) && r.get("bestEpoch") != null
                ? "; the weights of epoch " + r.get("bestEpoch") + ", with the lowest validation loss, were restored"
                : "";
    }

    /** evaluation.json's {@code training} record, or each fold's in k-fold; empty when not recorded. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> evaluation) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object fold : FolderFiles.array(evaluation, "folds")) {
            if (fold instanceof Map<?, ?> f && f.get("training") instanceof Map<?, ?> t) {
                out.add((Map<String, Object>) t);
            }
        }
        if (out.isEmpty() && evaluation.get("training") instanceof Map<?, ?> t) {
            out.add((Map<String, Object>) t);
        }
        return out;
    }

    /** The early-stopping rule as configured, for a run that did not record whether it fired. */
    private static String earlyStoppingRule(Map<String, Object> training) {
        String p = patience(training);
        return p.isEmpty() ? "" : "Early stopping was set to end training once the validation loss had not improved"
                + p + ".";
    }
}
